package au.ausjobs.resume.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.resume.ResumeServiceTest;
import au.ausjobs.resume.SampleFiles;

/**
 * A seeker compares two resumes, or two versions of one, against a published job: the PDF and the DOCX sample
 * (same words, different layout), and a second version that adds the skills the job asks for; nobody else can compare
 * them; malformed references are refused; and {@code /resumes/compare} is never read as a resume id.
 */
class ComparisonApiTests extends ResumeServiceTest {

    static final String URL = "/api/v1/resumes/compare";

    /** A seeker of their own (each test), so the 10-resume limit and other tests' resumes never interfere. */
    RequestPostProcessor jane;
    String janeId;
    String jobId = UUID.randomUUID().toString();

    @BeforeEach
    void aSeekerAndAJob() {
        janeId = "jane-" + UUID.randomUUID();
        jane = KeycloakTokens.seeker(janeId);
        JOB_SERVICE.answer("/api/v1/jobs/" + jobId, """
            {"id":"%s","companyId":"company-wattle","companyName":"Wattle Tech","status":"PUBLISHED",
             "title":"Senior Java Developer","description":"<p>Build event-driven services with Kafka on AWS.</p>",
             "employmentTypes":["FULL_TIME"],"workMode":"HYBRID","category":"Information & Communication Technology",
             "skills":["Java","Kafka","Terraform","Python"],"seniority":"SENIOR"}""".formatted(jobId));
    }

    @Test
    void thePdfAndTheDocxSampleDifferInLayoutNotInTheJobsSkills() throws Exception {
        String pdf = upload("jane.pdf", SampleFiles.resumePdf(false), jane);
        String docx = upload("jane.docx", SampleFiles.resumeDocx(), jane);

        String body = mvc.perform(get(URL).param("left", pdf + ":1").param("right", docx + ":1").param("jobId", jobId)
                .with(jane))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.left.resumeId").value(pdf))
            .andExpect(jsonPath("$.left.format").value("PDF"))
            .andExpect(jsonPath("$.right.resumeId").value(docx))
            .andExpect(jsonPath("$.right.format").value("DOCX"))
            .andExpect(jsonPath("$.job.title").value("Senior Java Developer"))
            .andExpect(jsonPath("$.left.ats.jobCompared").value(true))
            .andReturn().getResponse().getContentAsString();
        JsonNode c = json.readTree(body);
        JsonNode d = c.get("differences");

        // the layout: the DOCX has a table and its contact line in the page header
        assertThat(strings(d.at("/atsRisks/onlyRight"))).contains("TABLES", "HEADER_FOOTER");
        assertThat(strings(d.at("/atsRisks/onlyLeft"))).isEmpty();
        assertThat(d.get("tables").asInt()).isEqualTo(1);
        JsonNode formatting = subScore(d, "formatting");
        assertThat(formatting.get("left").asInt()).isEqualTo(100);
        assertThat(formatting.get("delta").asInt()).isNegative();
        assertThat(formatting.get("delta").asInt())
            .isEqualTo(formatting.get("right").asInt() - formatting.get("left").asInt());
        assertThat(d.get("score").asInt()).isEqualTo(c.at("/right/ats/score").asInt() - c.at("/left/ats/score").asInt())
            .isNegative();
        assertThat(strings(c.get("highlights"))).anyMatch(h -> h.startsWith("The left scores"))
            .anyMatch(h -> h.startsWith("Layout risks only on the right: tables"));

        // the job's skills: the same on both sides
        assertThat(strings(d.at("/jobSkills/matchedOnlyLeft"))).isEmpty();
        assertThat(strings(d.at("/jobSkills/matchedOnlyRight"))).isEmpty();
        assertThat(strings(d.at("/jobSkills/matchedByBoth"))).containsExactly("Java", "Apache Kafka",
            "Amazon Web Services");
        assertThat(strings(d.at("/jobSkills/missedByBoth"))).containsExactly("Terraform", "Python");
        assertThat(subScore(d, "keywords").get("delta").asInt()).isZero();
        // every skill of the DOCX is in the PDF too (the DOCX's skills table holds fewer of them)
        assertThat(strings(d.at("/skills/onlyRight"))).isEmpty();
        assertThat(strings(d.at("/skills/both"))).contains("Amazon Web Services", "Apache Kafka", "Java",
            "PostgreSQL", "Spring Boot");
        assertThat(strings(c.at("/left/skills"))).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

        // deterministic: the same comparison again is the same document
        String again = mvc.perform(get(URL).param("left", pdf + ":1").param("right", docx + ":1").param("jobId", jobId)
                .with(jane)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(again)).isEqualTo(c);
    }

    @Test
    void aSecondVersionThatAddsTheJobsSkillsShowsThemOnTheRight() throws Exception {
        String id = upload("jane.pdf", pdf(SampleFiles.RESUME), jane);
        List<String> v2 = new ArrayList<>();
        for (String line : SampleFiles.RESUME) {
            v2.add(line);
            if (line.startsWith("Java, Spring Boot")) {
                v2.add("Terraform, Python");
            }
        }
        mvc.perform(multipart("/api/v1/resumes/" + id + "/versions")
                .file(new MockMultipartFile("file", "jane-v2.pdf", null, pdf(v2))).with(jane))
            .andExpect(status().isCreated());

        String body = mvc.perform(get(URL).param("left", id + ":1").param("right", id + ":2").param("jobId", jobId)
                .with(jane))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.left.version").value(1))
            .andExpect(jsonPath("$.right.version").value(2))
            .andReturn().getResponse().getContentAsString();
        JsonNode d = json.readTree(body).get("differences");
        assertThat(strings(d.at("/skills/onlyRight"))).containsExactly("Python", "Terraform");
        assertThat(strings(d.at("/skills/onlyLeft"))).isEmpty();
        assertThat(strings(d.at("/jobSkills/matchedOnlyRight"))).containsExactly("Terraform", "Python");
        assertThat(strings(d.at("/jobSkills/matchedOnlyLeft"))).isEmpty();
        assertThat(strings(d.at("/jobSkills/missedByBoth"))).isEmpty();
        assertThat(subScore(d, "keywords").get("delta").asInt()).isPositive();
        assertThat(d.get("score").asInt()).isPositive();
        assertThat(d.get("wordCount").asInt()).isEqualTo(2);
        assertThat(d.get("pages").asInt()).isZero();
        assertThat(d.get("experienceMonths").asInt()).isZero();
        assertThat(strings(d.at("/sections/onlyLeft"))).isEmpty();
        assertThat(strings(d.at("/sections/onlyRight"))).isEmpty();
        assertThat(strings(json.readTree(body).get("highlights")))
            .contains("Only the right mentions the job's Terraform, Python");

        // without a job: no job skills, the keyword sub-score left out on both sides
        mvc.perform(get(URL).param("left", id + ":1").param("right", id + ":2").with(jane))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.job").doesNotExist())
            .andExpect(jsonPath("$.differences.jobSkills").doesNotExist())
            .andExpect(jsonPath("$.differences.subScores[?(@.name == 'keywords')]").isEmpty())
            .andExpect(jsonPath("$.differences.skills.onlyRight[0]").value("Python"));
    }

    @Test
    void onlyTheOwnerAndStaffCompareAndMalformedReferencesAreRefused() throws Exception {
        String mine = upload("jane.pdf", SampleFiles.resumePdf(false), jane);
        RequestPostProcessor kim = KeycloakTokens.seeker("kim-" + UUID.randomUUID());
        String kims = upload("kim.docx", SampleFiles.resumeDocx(), kim);

        mvc.perform(get(URL).param("left", mine + ":1").param("right", mine + ":1").with(kim))
            .andExpect(status().isNotFound());
        mvc.perform(get(URL).param("left", mine + ":1").param("right", kims + ":1").with(jane))
            .andExpect(status().isNotFound());
        mvc.perform(get(URL).param("left", kims + ":1").param("right", mine + ":1").with(jane))
            .andExpect(status().isNotFound());
        mvc.perform(get(URL).param("left", mine + ":1").param("right", mine + ":9").with(jane))
            .andExpect(status().isNotFound());
        mvc.perform(get(URL).param("left", mine + ":1").param("right", kims + ":1").with(KeycloakTokens.support("sue")))
            .andExpect(status().isOk());
        mvc.perform(get(URL).param("left", mine + ":1").param("right", mine + ":1")
                .with(KeycloakTokens.employer("priya", "company-wattle")))
            .andExpect(status().isForbidden());
        mvc.perform(get(URL).param("left", mine + ":1").param("right", mine + ":1")).andExpect(status().isUnauthorized());

        for (String malformed : List.of("abc", mine, mine + ":0", mine + ":x", ":1", mine + ":1:2", "../x:1")) {
            mvc.perform(get(URL).param("left", malformed).param("right", mine + ":1").with(jane))
                .andExpect(status().isBadRequest());
        }
        mvc.perform(get(URL).param("left", mine + ":1").with(jane)).andExpect(status().isBadRequest());
        mvc.perform(get(URL).param("left", mine + ":1").param("right", mine + ":1").param("jobId", "../../admin")
            .with(jane)).andExpect(status().isBadRequest());
    }

    @Test
    void theComparePathIsNeverTakenForAResumeId() throws Exception {
        String id = upload("jane.pdf", SampleFiles.resumePdf(false), jane);
        // without its parameters /compare is a bad request, not "resume 'compare' not found"
        mvc.perform(get(URL).with(jane))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.endsWith("/not-found"))));
        mvc.perform(get(URL).param("left", id + ":1").param("right", id + ":1").with(jane))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.left.resumeId").value(id))
            .andExpect(jsonPath("$.differences.score").value(0))
            .andExpect(jsonPath("$.id").doesNotExist());
        mvc.perform(get("/api/v1/resumes/" + id).with(jane))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/resumes/compare-not").with(jane)).andExpect(status().isNotFound());
    }

    private String upload(String filename, byte[] content, RequestPostProcessor who) throws Exception {
        String body = mvc.perform(multipart("/api/v1/resumes").file(new MockMultipartFile("file", filename, null, content))
                .with(who))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    private static JsonNode subScore(JsonNode differences, String name) {
        for (JsonNode s : differences.get("subScores")) {
            if (s.get("name").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no sub-score " + name + " in " + differences.get("subScores"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }

    /** A one-page PDF with these lines, as {@link SampleFiles#resumePdf} makes it. */
    static byte[] pdf(List<String> lines) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                text.setLeading(16);
                text.newLineAtOffset(60, 740);
                for (String line : lines) {
                    text.showText(line);
                    text.newLine();
                }
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
