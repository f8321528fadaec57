package au.ausjobs.job.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import au.ausjobs.events.job.JobPostingData;
import au.ausjobs.job.JobServiceTest;
import au.ausjobs.job.company.Company;
import au.ausjobs.job.company.CompanyRepository;
import au.ausjobs.job.posting.JobRepository;

/**
 * Search as a job seeker uses it, over jobs published through the API and indexed by a rebuild from MongoDB: words
 * with boosts and stemming, boolean syntax (and its errors, with the position), filters, facets, sorts, highlighting
 * and cursor pages.
 */
class JobSearchTests extends JobServiceTest {

    static final RequestPostProcessor EMPLOYER = employer("priya", "company-wattle");

    @Autowired
    JobRepository jobs;

    @Autowired
    SearchIndexing indexing;

    @Autowired
    CompanyRepository companies;

    @Autowired
    JobSearchIndex index;

    String javaDeveloper;
    String barista;
    String remoteWriter;

    @BeforeEach
    void jobs() throws Exception {
        jobs.deleteAll();
        companies.save(new Company("company-wattle", "Wattle Cafe Pty Ltd", null, Instant.now()));
        javaDeveloper = publish("Java Developer", "<p>Build Spring services for our platform.</p>", "Information & Communication Technology",
            "[\"Java\",\"Spring\"]", "FULL_TIME", "HYBRID", "{\"suburb\":\"Melbourne\",\"state\":\"VIC\",\"postcode\":\"3000\"}",
            "{\"min\":120000,\"max\":140000,\"unit\":\"YEAR\"}");
        barista = publish("Barista", "<p>Coffee for developers who drink java all day. Not a manager role.</p>",
            "Hospitality & Tourism", "[\"Barista\"]", "PART_TIME", "ON_SITE",
            "{\"suburb\":\"Parramatta\",\"state\":\"NSW\",\"postcode\":\"2150\"}", "{\"min\":30,\"max\":35,\"unit\":\"HOUR\"}");
        remoteWriter = publish("Technical Writer", "<p>Document our Java APIs, <script>alert(1)</script> from anywhere.</p>",
            "Information & Communication Technology", "[\"Writing\"]", "CONTRACTOR", "REMOTE", null, null);
        String draft = create("Java Architect", "<p>Not yet published.</p>", "Information & Communication Technology", "[]",
            "FULL_TIME", "REMOTE", null, null);
        assertThat(draft).isNotBlank();
        assertThat(indexing.rebuild()).as("only the three live jobs").isEqualTo(3);
    }

    String publish(String title, String description, String category, String skills, String type, String mode,
            String location, String salary) throws Exception {
        String id = create(title, description, category, skills, type, mode, location, salary);
        publishAndApprove(id, EMPLOYER);
        Thread.sleep(5); // distinct datePosted, newest last
        return id;
    }

    String create(String title, String description, String category, String skills, String type, String mode,
            String location, String salary) throws Exception {
        String body = """
            {"title":"%s","description":"%s","employmentTypes":["%s"],"workMode":"%s",%s%s
             "category":"%s","skills":%s,"validThrough":"%s"}""".formatted(title, description, type, mode,
            location == null ? "" : "\"location\":" + location + ",", salary == null ? "" : "\"salary\":" + salary + ",",
            category, skills, Instant.now().plus(30, ChronoUnit.DAYS));
        return draftJob(EMPLOYER, body);
    }

    JsonNode search(String query) throws Exception {
        return read("/api/v1/search/jobs" + query);
    }

    JsonNode read(String url) throws Exception {
        return json.readTree(mvc.perform(get(URI.create(url))).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString());
    }

    List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("results").forEach(hit -> ids.add(hit.get("id").asString()));
        return ids;
    }

    @Test
    void wordsInTheTitleCountMoreThanInTheDescriptionAndStemmingFindsPlurals() throws Exception {
        JsonNode java = search("?q=java");
        assertThat(ids(java)).as("the title match first").startsWith(javaDeveloper)
            .containsExactlyInAnyOrder(javaDeveloper, barista, remoteWriter);
        assertThat(java.get("total").asLong()).isEqualTo(3);
        assertThat(ids(search("?q=developers"))).as("developers finds Developer").startsWith(javaDeveloper);
        assertThat(java.at("/results/0/highlights/title").asString()).isEqualTo("<mark>Java</mark> Developer");
    }

    @Test
    void booleanOperatorsPhrasesGroupsAndFieldsWork() throws Exception {
        assertThat(ids(search("?q=java%20NOT%20manager"))).containsExactlyInAnyOrder(javaDeveloper, remoteWriter);
        assertThat(ids(search("?q=%22drink%20java%22"))).containsExactly(barista);
        assertThat(ids(search("?q=(coffee%20OR%20document)%20AND%20java"))).containsExactlyInAnyOrder(barista, remoteWriter);
        assertThat(ids(search("?q=title:java"))).containsExactly(javaDeveloper);
        assertThat(ids(search("?q=skills:spring"))).containsExactly(javaDeveloper);
        assertThat(ids(search("?q=company:wattle"))).as("the hiring organisation's name")
            .containsExactlyInAnyOrder(javaDeveloper, barista, remoteWriter);
        assertThat(ids(search("?q=company:banksia"))).isEmpty();
    }

    @Test
    void badSyntaxAndUnknownFieldsAre400ProblemsThatSayWhere() throws Exception {
        mvc.perform(get(URI.create("/api/v1/search/jobs?q=(java%20AND")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/bad-search-query"))
            .andExpect(jsonPath("$.detail", containsString("at position")));
        mvc.perform(get(URI.create("/api/v1/search/jobs?q=java%20salary:100000")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail", containsString("Unknown field 'salary' at position 6")));
        mvc.perform(get(URI.create("/api/v1/search/jobs?q=%22salary:100000%22"))).andExpect(status().isOk());
        mvc.perform(get(URI.create("/api/v1/search/jobs?state=QUEENSLAND"))).andExpect(status().isBadRequest());
        mvc.perform(get(URI.create("/api/v1/search/jobs?size=500"))).andExpect(status().isBadRequest());
        mvc.perform(get(URI.create("/api/v1/search/jobs?cursor=not-ours"))).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/bad-cursor"));
    }

    @Test
    void filtersNarrowTheResultsAndTheFacetCountsFollowThem() throws Exception {
        JsonNode everything = search("");
        assertThat(everything.get("total").asLong()).isEqualTo(3);
        assertThat(everything.at("/facets/category").toString()).contains("{\"value\":\"Information & Communication Technology\",\"count\":2}");
        assertThat(everything.at("/facets/workMode").size()).isEqualTo(3);
        assertThat(everything.at("/facets/datePosted/0").toString()).contains("\"count\":3");

        JsonNode ict = search("?category=Information%20%26%20Communication%20Technology");
        assertThat(ids(ict)).containsExactlyInAnyOrder(javaDeveloper, remoteWriter);
        assertThat(ict.at("/facets/state").toString()).as("the other facets follow the category filter")
            .contains("VIC").doesNotContain("NSW");
        assertThat(ict.at("/facets/category").toString()).as("drill sideways: the other categories stay offered, with counts")
            .contains("{\"value\":\"Information & Communication Technology\",\"count\":2}",
                "{\"value\":\"Hospitality & Tourism\",\"count\":1}");
        JsonNode hybridIct = search("?category=Information%20%26%20Communication%20Technology&workMode=HYBRID");
        assertThat(ids(hybridIct)).containsExactly(javaDeveloper);
        assertThat(hybridIct.at("/facets/category").toString()).as("categories counted among hybrid jobs only")
            .contains("{\"value\":\"Information & Communication Technology\",\"count\":1}").doesNotContain("Hospitality");
        assertThat(hybridIct.at("/facets/workMode").toString()).as("work modes counted among ICT jobs only")
            .contains("{\"value\":\"HYBRID\",\"count\":1}", "{\"value\":\"REMOTE\",\"count\":1}").doesNotContain("ON_SITE");

        assertThat(ids(search("?state=NSW&state=VIC"))).containsExactlyInAnyOrder(javaDeveloper, barista);
        assertThat(ids(search("?workMode=REMOTE"))).containsExactly(remoteWriter);
        assertThat(ids(search("?employmentType=PART_TIME"))).containsExactly(barista);
        assertThat(ids(search("?salaryMin=100000"))).containsExactly(javaDeveloper);
        assertThat(ids(search("?salaryMin=60000"))).as("$35 an hour is about $69k a year")
            .containsExactlyInAnyOrder(javaDeveloper, barista);
        assertThat(search("?salaryMin=60000").at("/facets/salaryBand").toString())
            .contains("{\"value\":\"$50k-$80k\",\"count\":1}", "{\"value\":\"$120k-$160k\",\"count\":1}");
    }

    @Test
    void aCategoryWhoseNameHoldsACommaIsOneFilterNotTwo() throws Exception {
        String geologist = publish("Geologist", "<p>Exploration drilling.</p>", "Mining, Resources & Energy", "[]", "FULL_TIME",
            "ON_SITE", "{\"suburb\":\"Kalgoorlie\",\"state\":\"WA\",\"postcode\":\"6430\"}", null);
        indexing.rebuild();
        assertThat(ids(search("?category=Mining%2C%20Resources%20%26%20Energy"))).containsExactly(geologist);
        assertThat(ids(search("?category=Mining%2C%20Resources%20%26%20Energy&category=Hospitality%20%26%20Tourism")))
            .containsExactlyInAnyOrder(geologist, barista);
        assertThat(ids(search("?category=Mining"))).isEmpty();
        mvc.perform(get(URI.create("/api/v1/search/jobs?" + "category=x&".repeat(11)))).andExpect(status().isBadRequest());
    }

    @Test
    void aSalaryRangeFindsJobsWhosePayOverlapsItAndPostedWithinCountsDays() throws Exception {
        // the barista pays $30-35 an hour (about $59k-69k a year), the developer $120k-140k
        assertThat(ids(search("?salaryMin=50000&salaryMax=100000"))).containsExactly(barista);
        assertThat(ids(search("?salaryMin=65000&salaryMax=125000"))).as("both ranges overlap")
            .containsExactlyInAnyOrder(barista, javaDeveloper);
        assertThat(ids(search("?salaryMax=50000"))).as("nobody starts under $50k").isEmpty();
        assertThat(search("?salaryMax=100000").at("/facets/salaryBand").toString())
            .as("the salary facet ignores its own filter").contains("$120k-$160k");
        mvc.perform(get(URI.create("/api/v1/search/jobs?salaryMin=90000&salaryMax=80000")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/bad-salary-range"));

        index.upsert("00000000-0000-4000-8000-000000000003", posting("Forklift driver", Instant.now().minus(10, ChronoUnit.DAYS)));
        assertThat(ids(search("?q=forklift&postedWithinDays=30"))).hasSize(1);
        assertThat(ids(search("?q=forklift&postedWithinDays=7"))).isEmpty();
        assertThat(search("?postedWithinDays=7").get("total").asLong()).isEqualTo(3);
        mvc.perform(get(URI.create("/api/v1/search/jobs?postedWithinDays=0"))).andExpect(status().isBadRequest());
    }

    @Test
    void sortsByDateOrSalaryAndPagesWithACursor() throws Exception {
        assertThat(ids(search("?sort=DATE"))).containsExactly(remoteWriter, barista, javaDeveloper);
        assertThat(ids(search("?sort=SALARY"))).containsExactly(javaDeveloper, barista, remoteWriter);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 5; page++) {
            JsonNode result = search("?sort=DATE&size=1" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(result));
            cursor = result.has("nextCursor") ? result.get("nextCursor").asString() : null;
            if (cursor == null) {
                break;
            }
        }
        assertThat(seen).containsExactly(remoteWriter, barista, javaDeveloper);

        List<String> byRelevance = new ArrayList<>();
        JsonNode first = search("?q=java&size=2");
        byRelevance.addAll(ids(first));
        byRelevance.addAll(ids(search("?q=java&size=2&cursor=" + first.get("nextCursor").asString())));
        assertThat(byRelevance).as("two pages, nothing twice, nothing lost").startsWith(javaDeveloper)
            .containsExactlyInAnyOrder(javaDeveloper, barista, remoteWriter);
    }

    @Test
    void findsJobsNearASuburbPostcodeOrPointAndSortsThemByDistance() throws Exception {
        assertThat(ids(search("?near=Parramatta&radiusKm=10"))).containsExactly(barista);
        assertThat(ids(search("?near=2000&radiusKm=30"))).as("Parramatta is about 20 km from the Sydney CBD")
            .containsExactly(barista);
        JsonNode fromCanberra = search("?near=-35.28,149.13&radiusKm=500&sort=DISTANCE");
        assertThat(ids(fromCanberra)).as("remote jobs have no place").containsExactly(barista, javaDeveloper);
        double first = fromCanberra.at("/results/0/distanceKm").asDouble();
        double second = fromCanberra.at("/results/1/distanceKm").asDouble();
        assertThat(first).isBetween(200.0, 300.0);
        assertThat(second).isBetween(400.0, 500.0);
        assertThat(ids(search("?near=Richmond%20VIC&radiusKm=10"))).as("Richmond VIC is next to Melbourne")
            .containsExactly(javaDeveloper);

        mvc.perform(get(URI.create("/api/v1/search/jobs?near=Richmond"))).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unknown-place"))
            .andExpect(jsonPath("$.detail", containsString("add the state")));
        mvc.perform(get(URI.create("/api/v1/search/jobs?near=Atlantis"))).andExpect(status().isBadRequest());
        mvc.perform(get(URI.create("/api/v1/search/jobs?near=51.5,-0.12"))).andExpect(status().isBadRequest());
        mvc.perform(get(URI.create("/api/v1/search/jobs?sort=DISTANCE"))).andExpect(status().isBadRequest());
    }

    @Test
    void suggestsTitlesSkillsCompaniesAndPlacesForgivingATypo() throws Exception {
        JsonNode java = read("/api/v1/search/suggestions?prefix=jva");
        assertThat(java.toString()).contains("{\"text\":\"Java Developer\",\"kind\":\"TITLE\"}");
        assertThat(read("/api/v1/search/suggestions?prefix=sprng").toString())
            .contains("{\"text\":\"Spring\",\"kind\":\"SKILL\"}");
        assertThat(read("/api/v1/search/suggestions?prefix=watle").toString())
            .contains("{\"text\":\"Wattle Cafe Pty Ltd\",\"kind\":\"COMPANY\"}");
        JsonNode places = read("/api/v1/search/suggestions?prefix=parramata&kind=PLACE");
        assertThat(places.toString()).contains("Parramatta NSW 2150").doesNotContain("TITLE");
        assertThat(read("/api/v1/search/suggestions?prefix=j").get("suggestions").size()).isZero();
        mvc.perform(get(URI.create("/api/v1/search/suggestions?prefix=java&kind=COLOUR"))).andExpect(status().isBadRequest());
    }

    @Test
    void aSeekerWhoPagesSlowlySeesEveryJobOnceBecauseEveryPageRanksAsOfTheFirst() throws Exception {
        JsonNode first = search("?q=java&size=1");
        List<String> seen = new ArrayList<>(ids(first));
        String cursor = first.get("nextCursor").asString();
        for (int pages = 1; cursor != null && pages < 5; pages++) { // three jobs: three pages (a bug could loop)
            Thread.sleep(1500); // freshness decays meanwhile: enough to move every score by more than a float's step
            JsonNode page = search("?q=java&size=1&cursor=" + cursor);
            seen.addAll(ids(page));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        }
        assertThat(seen).containsExactlyInAnyOrder(javaDeveloper, barista, remoteWriter);
    }

    @Test
    void freshJobsRankAboveStaleOnesThatSayTheSame() throws Exception {
        JobPostingData fresh = posting("Forklift driver", Instant.now().minus(1, ChronoUnit.DAYS));
        JobPostingData stale = posting("Forklift driver", Instant.now().minus(60, ChronoUnit.DAYS));
        index.upsert("00000000-0000-4000-8000-000000000001", stale);
        index.upsert("00000000-0000-4000-8000-000000000002", fresh);
        assertThat(ids(search("?q=forklift"))).containsExactly("00000000-0000-4000-8000-000000000002",
            "00000000-0000-4000-8000-000000000001");
        assertThat(RankingBoost.freshness(0, 0)).isEqualTo(1.5);
        assertThat(RankingBoost.freshness(0, (long) RankingBoost.HALF_LIFE_MILLIS)).isEqualTo(1.25);
    }

    @Test
    void aFeaturedJobRanksAboveAnEqualMatchWhileItsFeatureRunsAndIsMarked() throws Exception {
        String plain = "00000000-0000-4000-8000-000000000004";
        String promoted = "00000000-0000-4000-8000-000000000005";
        Instant weekAgo = Instant.now().minus(7, ChronoUnit.DAYS);
        index.upsert(plain, posting("Forklift driver", Instant.now()));
        index.upsert(promoted, featured(posting("Forklift driver", weekAgo), Instant.now().plus(7, ChronoUnit.DAYS)));
        JsonNode found = search("?q=forklift");
        assertThat(ids(found)).as("featured beats a fresher job that says the same").containsExactly(promoted, plain);
        assertThat(found.at("/results/0/featured").asBoolean()).isTrue();
        assertThat(found.at("/results/1").has("featured")).isFalse();

        index.upsert(promoted, featured(posting("Forklift driver", weekAgo), Instant.now().minus(1, ChronoUnit.MINUTES)));
        JsonNode after = search("?q=forklift");
        assertThat(ids(after)).as("the feature ended: freshness decides again").containsExactly(plain, promoted);
        assertThat(after.at("/results/1").has("featured")).isFalse();

        index.upsert(promoted, featured(posting("Forklift driver and warehouse forklift trainer", weekAgo),
            Instant.now().plus(7, ChronoUnit.DAYS)));
        assertThat(ids(search("?q=barista%20OR%20forklift"))).as("a featured job that does not match stays out")
            .doesNotContain(javaDeveloper, remoteWriter);
    }

    @Test
    void aSignedInSeekersSavedSearchesLiftTheirPreferredCategories() throws Exception {
        List<String> anonymous = ids(search("?q=java"));
        assertThat(anonymous.indexOf(remoteWriter)).as("unpersonalised").isLessThan(anonymous.indexOf(barista));
        mvc.perform(post("/api/v1/search/saved").with(seeker("sam")).contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"Cafes","filters":{"categories":["Hospitality & Tourism"]},"alertFrequency":"WEEKLY"}"""))
            .andExpect(status().isCreated());
        List<String> forSam = ids(json.readTree(mvc.perform(get(URI.create("/api/v1/search/jobs?q=java")).with(seeker("sam")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()));
        assertThat(forSam.indexOf(barista)).as("Sam keeps a hospitality search").isLessThan(forSam.indexOf(remoteWriter));
        assertThat(forSam).containsExactlyInAnyOrderElementsOf(anonymous);
    }

    static JobPostingData posting(String title, Instant posted) {
        return new JobPostingData(title, "<p>Warehouse work.</p>", "company-wattle", "Wattle Cafe Pty Ltd", List.of("FULL_TIME"),
            "ON_SITE", "Parramatta", "NSW", "2150", null, null, null, "Transport & Logistics", List.of(), null, posted,
            posted.plus(90, ChronoUnit.DAYS), null);
    }

    static JobPostingData featured(JobPostingData p, Instant until) {
        return new JobPostingData(p.title(), p.descriptionHtml(), p.companyId(), p.companyName(), p.employmentTypes(),
            p.workMode(), p.suburb(), p.state(), p.postcode(), p.salaryMin(), p.salaryMax(), p.salaryUnit(), p.category(),
            p.skills(), p.seniority(), p.datePosted(), p.validThrough(), until);
    }

    @Test
    void snippetsMarkTheWordsAndEscapeEverythingElse() throws Exception {
        mvc.perform(get(URI.create("/api/v1/search/jobs?q=document")))
            .andExpect(jsonPath("$.results[0].highlights.description", containsString("<mark>Document</mark>")))
            .andExpect(jsonPath("$.results[0].highlights.description", not(containsString("<script"))));
    }

    @Test
    void anEmptyIndexAnswersWithTheSameShape() throws Exception {
        index.rebuild(java.util.stream.Stream.empty());
        JsonNode nothing = search("?q=java");
        assertThat(nothing.get("total").asLong()).isZero();
        assertThat(nothing.get("facets").propertyNames()).containsExactly("category", "employmentType", "workMode", "state",
            "datePosted", "salaryBand");
    }

    @Test
    void aClosedJobLeavesTheIndexAndOnlyAdminsRebuildIt() throws Exception {
        mvc.perform(post("/api/v1/jobs/" + barista + "/close").with(EMPLOYER)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/search/index/rebuild").with(seeker("sam"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/search/index/rebuild")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/search/index/rebuild").with(admin("admin-1")))
            .andExpect(status().isOk()).andExpect(jsonPath("$.indexed").value(2));
        assertThat(ids(search("?q=coffee"))).isEmpty();
    }
}
