package au.ausjobs.resume.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.resume.ResumeServiceTest;
import au.ausjobs.resume.SampleFiles;
import au.ausjobs.resume.ats.AtsScorer;
import au.ausjobs.resume.extraction.ResumeParser;
import au.ausjobs.resume.extraction.ResumeReading;
import au.ausjobs.resume.skills.SkillTaxonomy;

/**
 * Template recommendations for real uploads: a DOCX with a table and its contact line in the page header gets
 * ATS-safe templates first and is told why; the job's category decides the industry; a graduate's short experience
 * gets entry-level templates; and the shipped catalogue is valid.
 */
class TemplateRecommendationTests extends ResumeServiceTest {

    static final String ICT = "Information & Communication Technology";
    static final String HOSPITALITY = "Hospitality & Tourism";

    /** A graduate: one short internship, education and projects first. */
    static final List<String> GRADUATE = List.of(
        "Alex Nguyen",
        "Glebe NSW 2037 | 0412 555 019 | alex.nguyen@example.com",
        "Career Objective",
        "Information technology graduate looking for a graduate developer role in Sydney.",
        "Education",
        "Bachelor of Information Technology, University of Technology Sydney, 2025",
        "Skills",
        "Python, SQL, JavaScript, Git, React, PostgreSQL",
        "Projects",
        "Built a timetable planner for 300 students with Python, React and PostgreSQL.",
        "Employment History",
        "IT Support Intern at Acme Pty Ltd",
        "Dec 2024 - Feb 2025",
        "Reset passwords and imaged laptops for 40 staff.",
        "Referees",
        "Available on request");

    @Autowired
    TemplateCatalogue catalogue;

    @Autowired
    SkillTaxonomy taxonomy;

    @Autowired
    TemplateRecommender recommender;

    @Autowired
    AtsScorer scorer;

    RequestPostProcessor seeker;

    @BeforeEach
    void aSeekerOfTheirOwn() {
        seeker = KeycloakTokens.seeker("sam-" + UUID.randomUUID());
    }

    @Test
    void aDocxWithATableAndHeaderTextGetsSingleColumnTableFreeTemplatesFirstAndIsToldWhy() throws Exception {
        String url = url(upload("sam.docx", SampleFiles.resumeDocx()));
        String body = mvc.perform(get(url).with(seeker))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.recommendations.length()").value(TemplateRecommender.TOP))
            .andExpect(jsonPath("$.industry.value").value(ICT))
            .andExpect(jsonPath("$.industry.source").value("SKILLS"))
            .andReturn().getResponse().getContentAsString();
        JsonNode r = json.readTree(body);
        assertThat(kinds(r.get("atsRisks"))).contains("TABLES", "HEADER_FOOTER");
        for (JsonNode recommendation : r.get("recommendations")) {
            JsonNode layout = recommendation.at("/template/layout");
            assertThat(layout.get("singleColumn").asBoolean()).as(recommendation.at("/template/id").asString()).isTrue();
            assertThat(layout.get("tables").asBoolean()).isFalse();
            assertThat(layout.get("photo").asBoolean()).isFalse();
            assertThat(layout.get("contactInHeaderOrFooter").asBoolean()).isFalse();
            assertThat(recommendation.at("/template/atsSafe").asBoolean()).isTrue();
        }
        List<String> reasons = strings(r.at("/recommendations/0/reasons"));
        assertThat(reasons).anyMatch(reason -> reason.startsWith("No tables") && reason.contains("1 table"));
        assertThat(reasons).anyMatch(reason -> reason.contains("not the page header or footer")
            && reason.contains("text in the page header or footer"));
        assertThat(r.at("/recommendations/0/rank").asInt()).isEqualTo(1);
        List<Integer> scores = new ArrayList<>();
        r.get("recommendations").forEach(n -> scores.add(n.get("score").asInt()));
        assertThat(scores).isSortedAccordingTo((a, b) -> b - a);

        // a template with a table or header contact is ranked far below: when asked for marketing, it says why
        String marketing = mvc.perform(get(url).param("industry", "marketing & communications").with(seeker))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.industry.value").value("Marketing & Communications"))
            .andExpect(jsonPath("$.industry.source").value("PARAMETER"))
            .andReturn().getResponse().getContentAsString();
        assertThat(ids(json.readTree(marketing))).doesNotContain("creative-two-column", "modern-header-banner");

        // the same request gives the same answer
        String again = mvc.perform(get(url).with(seeker)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
        assertThat(json.readTree(again)).isEqualTo(r);
    }

    @Test
    void anIctJobRanksIctTemplatesOverHospitalityOnesAndAHospitalityJobTheOtherWay() throws Exception {
        String url = url(upload("sam.pdf", SampleFiles.resumePdf(false)));
        String ictJob = job(ICT, "Senior Java Developer", "SENIOR");
        String body = mvc.perform(get(url).param("jobId", ictJob).with(seeker))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.industry.value").value(ICT))
            .andExpect(jsonPath("$.industry.source").value("JOB"))
            .andExpect(jsonPath("$.seniority.value").value("SENIOR"))
            .andExpect(jsonPath("$.seniority.source").value("JOB"))
            .andExpect(jsonPath("$.recommendations[0].template.id").value("ict-technical"))
            .andExpect(jsonPath("$.recommendations[0].score").value(100))
            .andReturn().getResponse().getContentAsString();
        JsonNode r = json.readTree(body);
        assertThat(industries(r, 0)).contains(ICT);
        assertThat(strings(r.at("/recommendations/0/reasons")))
            .contains("Made for " + ICT + " (the job's category)", "Suits SENIOR level (the job's level)");
        assertThat(r.get("recommendations")).noneMatch(n -> strings(n.at("/template/industries")).contains(HOSPITALITY));

        String hospitalityJob = job(HOSPITALITY, "Restaurant Supervisor", "MID");
        JsonNode h = json.readTree(mvc.perform(get(url).param("jobId", hospitalityJob).with(seeker))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(industries(h, 0)).contains(HOSPITALITY);
        int firstIct = -1;
        int lastHospitality = -1;
        for (int i = 0; i < h.get("recommendations").size(); i++) {
            List<String> of = industries(h, i);
            if (of.contains(ICT) && firstIct < 0) {
                firstIct = i;
            }
            if (of.contains(HOSPITALITY)) {
                lastHospitality = i;
            }
        }
        assertThat(firstIct < 0 || firstIct > lastHospitality).as("no ICT template above a hospitality one").isTrue();
        // the photo template is made for hospitality but says what a photo costs
        for (JsonNode n : h.get("recommendations")) {
            if (n.at("/template/id").asString().equals("hospitality-photo-profile")) {
                assertThat(strings(n.get("reasons"))).anyMatch(reason -> reason.startsWith("Has a photo"));
                assertThat(n.get("score").asInt()).isLessThan(h.at("/recommendations/0/score").asInt());
            }
        }
    }

    @Test
    void aGraduateResumeGetsEntryLevelTemplates() throws Exception {
        String url = url(upload("alex.txt", SampleFiles.utf8(String.join("\n", GRADUATE))));
        String body = mvc.perform(get(url).with(seeker))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.seniority.value").value("ENTRY"))
            .andExpect(jsonPath("$.seniority.source").value("EXPERIENCE"))
            .andExpect(jsonPath("$.industry.value").value(ICT))
            .andExpect(jsonPath("$.recommendations[0].template.id").value("ict-graduate-developer"))
            .andReturn().getResponse().getContentAsString();
        JsonNode r = json.readTree(body);
        assertThat(strings(r.at("/recommendations/0/template/seniority"))).contains("ENTRY");
        assertThat(strings(r.at("/recommendations/1/template/seniority"))).contains("ENTRY");
        assertThat(strings(r.at("/recommendations/0/reasons"))).anyMatch(reason -> reason.startsWith("Suits ENTRY level ("));

        // the level asked for wins over the one the experience suggests
        mvc.perform(get(url).param("seniority", "executive").with(seeker))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.seniority.value").value("EXECUTIVE"))
            .andExpect(jsonPath("$.seniority.source").value("PARAMETER"))
            .andExpect(jsonPath("$.recommendations[0].template.seniority").value(
                org.hamcrest.Matchers.hasItem("EXECUTIVE")));
    }

    @Test
    void columnsAndTooManyPagesAreRisksTooAndTheSameReadingGetsTheSameRanking() {
        // the sample's text with two headings read across one line (two columns) on five pages
        String text = String.join("\n", SampleFiles.RESUME).replace("Licences & Certifications",
            "EXPERIENCE      SKILLS\nLicences & Certifications");
        ResumeReading reading = new ResumeReading("r:1", "r", 1, text, new ResumeReading.Layout(5, 0, 0, false, true),
            new ResumeParser().parse(text), java.time.Instant.EPOCH);
        Recommendations first = recommender.recommend(reading, scorer.score(reading, null), null,
            "Marketing & Communications", Seniority.MID);
        assertThat(first.atsRisks()).extracting(AtsRisk::kind).containsExactly(AtsRisk.Kind.COLUMNS, AtsRisk.Kind.TOO_LONG);
        assertThat(first.recommendations()).extracting(r -> r.template().id()).doesNotContain("creative-two-column")
            .first().isEqualTo("sales-achievements");
        assertThat(first.recommendations().get(0).reasons())
            .contains("Made for Marketing & Communications (the industry you chose)", "Suits MID level (the level you chose)")
            .anyMatch(reason -> reason.startsWith("Single column") && reason.contains("signs of multiple columns"))
            .anyMatch(reason -> reason.startsWith("Keeps to 2 pages") && reason.contains("5 pages"));
        // ATS-safe templates first; one with a risk of its own comes after them and says so
        List<Boolean> safe = first.recommendations().stream().map(r -> r.template().atsSafe()).toList();
        assertThat(safe.subList(safe.indexOf(false) < 0 ? safe.size() : safe.indexOf(false), safe.size()))
            .as("no ATS-safe template below a risky one").containsOnly(false);
        first.recommendations().stream().filter(r -> !r.template().atsSafe()).forEach(r -> assertThat(r.reasons())
            .anyMatch(reason -> reason.startsWith("Contact details in the page header")
                || reason.startsWith("Uses tables") || reason.startsWith("Two columns") || reason.startsWith("Has a photo")));
        assertThat(recommender.recommend(reading, scorer.score(reading, null), null, "Marketing & Communications",
            Seniority.MID)).isEqualTo(first);
    }

    @Test
    void othersSeeNothingAndBadParametersAreRefused() throws Exception {
        String url = url(upload("sam.pdf", SampleFiles.resumePdf(false)));
        mvc.perform(get(url).with(KeycloakTokens.seeker("kim-" + UUID.randomUUID()))).andExpect(status().isNotFound());
        mvc.perform(get(url).with(KeycloakTokens.employer("priya", "company-wattle"))).andExpect(status().isNotFound());
        mvc.perform(get(url).with(KeycloakTokens.admin("ann"))).andExpect(status().isOk());
        mvc.perform(get(url)).andExpect(status().isUnauthorized());
        mvc.perform(get(url).param("industry", "Underwater Basket Weaving").with(seeker)).andExpect(status().isBadRequest());
        mvc.perform(get(url).param("seniority", "boss").with(seeker)).andExpect(status().isBadRequest());
        mvc.perform(get(url).param("jobId", "../../admin").with(seeker)).andExpect(status().isBadRequest());
        mvc.perform(get(url).param("jobId", UUID.randomUUID().toString()).with(seeker)).andExpect(status().isNotFound());
    }

    @Test
    void theShippedCatalogueLoadsAndEveryTemplateIsValid() {
        TemplateCatalogue.Document document = new TemplateCatalogue.Document(catalogue.industries(),
            java.util.Map.of(), catalogue.templates());
        assertThat(TemplateCatalogue.problems(document)).isEmpty();
        assertThat(catalogue.templates()).hasSizeBetween(12, 20);
        Set<String> ids = new HashSet<>();
        Set<String> industries = new HashSet<>();
        Set<Seniority> levels = EnumSet.noneOf(Seniority.class);
        for (ResumeTemplate t : catalogue.templates()) {
            assertThat(ids.add(t.id())).as("unique id " + t.id()).isTrue();
            assertThat(t.description()).as(t.id()).containsIgnoringCase("structure and guidance")
                .contains("not a file to download");
            assertThat(catalogue.industries()).as(t.id()).containsAll(t.industries());
            assertThat(t.seniority()).as(t.id()).isNotEmpty();
            assertThat(t.layout().maxPages()).as(t.id()).isBetween(1, 4);
            assertThat(t.layout().sectionOrder()).as(t.id()).doesNotHaveDuplicates().startsWith(
                au.ausjobs.resume.extraction.ParsedResume.Section.CONTACT);
            assertThat(t.guidance()).as(t.id()).isNotEmpty();
            industries.addAll(t.industries());
            levels.addAll(t.seniority());
        }
        assertThat(industries).as("every industry has a template made for it").containsAll(catalogue.industries());
        assertThat(levels).as("every level has a template").containsExactlyInAnyOrder(Seniority.values());
        assertThat(catalogue.templates()).filteredOn(t -> !t.atsSafe()).as("some templates trade ATS safety for looks")
            .isNotEmpty();
        assertThat(catalogue.mappedSkillCategories()).as("every category of the skills taxonomy points somewhere")
            .containsAll(taxonomy.categories());

        assertThatThrownBy(() -> new TemplateCatalogue(new ByteArrayInputStream(SampleFiles.utf8("""
            {"industries":["Sales"],"skillCategoryIndustries":{},"templates":[{"id":"Bad Id","name":"x",
             "description":"a file","industries":["Mining"],"seniority":["MID"],"layout":{"singleColumn":true,
             "tables":false,"photo":false,"contactInHeaderOrFooter":false,"maxPages":9,"sectionOrder":["SKILLS"]},
             "guidance":[]}]}"""))))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("Bad Id");
        assertThatThrownBy(() -> new TemplateCatalogue(new ByteArrayInputStream(SampleFiles.utf8("""
            {"industries":["Sales"],"skillCategoryIndustries":{},"templates":[{"id":"ok","name":"x",
             "description":"structure and guidance","industries":["Mining"],"seniority":["MID"],"layout":{"singleColumn":true,
             "tables":false,"photo":false,"contactInHeaderOrFooter":false,"maxPages":9,"sectionOrder":["SKILLS"]},
             "guidance":[]}]}"""))))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown industry 'Mining'")
            .hasMessageContaining("maxPages").hasMessageContaining("CONTACT");
        assertThatThrownBy(() -> new TemplateCatalogue(new ByteArrayInputStream(SampleFiles.utf8("""
            {"industries":["Sales"],"templates":[],"colour":"red"}"""))))
            .isInstanceOf(IllegalStateException.class);
    }

    private String upload(String filename, byte[] content) throws Exception {
        String body = mvc.perform(multipart("/api/v1/resumes").file(new MockMultipartFile("file", filename, null, content))
                .with(seeker))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    private static String url(String id) {
        return "/api/v1/resumes/" + id + "/versions/1/template-recommendations";
    }

    private static String job(String category, String title, String seniority) {
        String id = UUID.randomUUID().toString();
        JOB_SERVICE.answer("/api/v1/jobs/" + id, """
            {"id":"%s","companyId":"company-x","companyName":"X Pty Ltd","status":"PUBLISHED","title":"%s",
             "description":"<p>Join us.</p>","employmentTypes":["FULL_TIME"],"workMode":"ONSITE","category":"%s",
             "skills":[],"seniority":"%s"}""".formatted(id, title, category, seniority));
        return id;
    }

    private static List<String> industries(JsonNode recommendations, int index) {
        return strings(recommendations.at("/recommendations/" + index + "/template/industries"));
    }

    private static List<String> ids(JsonNode recommendations) {
        List<String> ids = new ArrayList<>();
        recommendations.get("recommendations").forEach(n -> ids.add(n.at("/template/id").asString()));
        return ids;
    }

    private static List<String> kinds(JsonNode risks) {
        List<String> kinds = new ArrayList<>();
        risks.forEach(n -> kinds.add(n.get("kind").asString()));
        return kinds;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }
}
