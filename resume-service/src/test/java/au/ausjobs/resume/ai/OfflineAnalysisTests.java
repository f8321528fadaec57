package au.ausjobs.resume.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.resume.ResumeServiceTest;

/**
 * Without a configured vendor, a seeker still gets an AI analysis: the offline analyzer (rules plus the in-process
 * sentence-embedding model) answers in the schema's shape, tells which of a job's requirements the resume shows even
 * when it says them in other words, and nobody else can ask about their resume.
 */
class OfflineAnalysisTests extends ResumeServiceTest {

    static final RequestPostProcessor JANE = KeycloakTokens.seeker("jane");

    static final String JOB = """
        {"id":"%s","companyId":"company-wattle","companyName":"Wattle Tech","status":"PUBLISHED",
         "title":"Senior Java Developer","description":"<p>About the role</p><ul>
         <li>Experience leading small engineering teams</li>
         <li>Build event-driven microservices with Kafka</li>
         <li>Hands-on experience with Terraform infrastructure as code</li>
         <li>Commercial experience with React and TypeScript front ends</li></ul>",
         "employmentTypes":["FULL_TIME"],"workMode":"HYBRID","category":"Information & Communication Technology",
         "skills":["Java","Kafka","Terraform"],"seniority":"SENIOR"}""";

    @Autowired
    AnalysisSchema schema;

    @Autowired
    AiAnalysisRepository records;

    String resumeId;
    String base;
    String jobId = UUID.randomUUID().toString();

    @BeforeEach
    void janeHasAResumeAndThereIsAJob() throws Exception {
        resumeId = uploadSampleResume(JANE);
        base = "/api/v1/resumes/" + resumeId + "/versions/1/ai-analysis";
        JOB_SERVICE.answer("/api/v1/jobs/" + jobId, JOB.formatted(jobId).replace("\n", ""));
    }

    JsonNode analyse(String jobId) throws Exception {
        var request = post(base).with(JANE);
        if (jobId != null) {
            request.param("jobId", jobId);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void againstAJobTheRequirementsShownInOtherWordsAreMetAndTheOthersAreGaps() throws Exception {
        JsonNode result = analyse(jobId);

        assertThat(result.at("/analyzer/kind").asString()).isEqualTo("offline");
        assertThat(result.at("/analyzer/fallbackReason").isNull()).isTrue();
        JsonNode analysis = result.get("analysis");
        schema.parse(analysis.toString()); // the vendor's contract holds for the offline answer too
        assertThat(analysis.get("seniority").asString()).isEqualTo("SENIOR");
        assertThat(analysis.get("fitScore").asInt()).isBetween(1, 99);
        JsonNode requirements = analysis.get("requirements");
        assertThat(requirement(requirements, "leading small engineering teams").get("met").asBoolean())
            .as("'Led a team of 6 engineers' says it in other words").isTrue();
        assertThat(requirement(requirements, "leading small engineering teams").get("evidence").asString()).contains("Led a team");
        assertThat(requirement(requirements, "event-driven microservices").get("met").asBoolean()).isTrue();
        assertThat(requirement(requirements, "Terraform").get("met").asBoolean()).isFalse();
        assertThat(requirement(requirements, "React and TypeScript").get("met").asBoolean()).isFalse();
        assertThat(analysis.get("gaps").toString()).contains("Terraform");
        assertThat(analysis.get("keywordsToAdd").toString()).contains("Terraform");
        assertThat(analysis.get("bulletRewrites").toString()).contains("Was responsible for the licence renewal API");
        assertThat(analysis.get("summary").asString()).contains("Senior Java Developer");
        assertThat(result.at("/usage/inputTokens").asLong()).isZero();
        assertThat(result.get("redactions").toString()).contains("email", "phone", "name");
        assertThat(analysis.toString()).as("nothing personal comes back either").doesNotContain("jane.citizen", "0412");
    }

    @Test
    void withoutAJobTheAnalysisSaysWhoTheResumeShowsAndTheSameResumeGetsTheSameAnswer() throws Exception {
        JsonNode first = analyse(null);
        JsonNode second = analyse(null);

        assertThat(first.at("/analysis/fitScore").isNull()).isTrue();
        assertThat(first.at("/analysis/requirements").size()).isZero();
        assertThat(first.at("/analysis/strengths").toString()).contains("Java", "40%");
        assertThat(first.at("/analysis/summary").asString()).contains("ATS compatibility");
        assertThat(second.get("analysis")).as("deterministic").isEqualTo(first.get("analysis"));
        assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
    }

    @Test
    void onlyTheOwnerAndStaffMayAskAndEmployersMayNot() throws Exception {
        mvc.perform(post(base).with(KeycloakTokens.seeker("kim"))).andExpect(status().isNotFound());
        mvc.perform(post(base).with(KeycloakTokens.employer("boss", "company-wattle"))).andExpect(status().isForbidden());
        mvc.perform(post(base)).andExpect(status().isUnauthorized());
        mvc.perform(post(base).param("jobId", "not-a-job").with(JANE)).andExpect(status().isBadRequest());
        mvc.perform(post(base).param("jobId", UUID.randomUUID().toString()).with(JANE)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/resumes/" + resumeId + "/versions/9/ai-analysis").with(JANE)).andExpect(status().isNotFound());
    }

    @Test
    void deletingTheResumeDeletesItsAnalyses() throws Exception {
        analyse(null);
        assertThat(records.findAll()).anyMatch(r -> r.getResumeId().equals(resumeId));

        mvc.perform(delete("/api/v1/resumes/" + resumeId).with(JANE)).andExpect(status().isNoContent());

        assertThat(records.findAll()).noneMatch(r -> r.getResumeId().equals(resumeId));
    }

    static JsonNode requirement(JsonNode requirements, String containing) {
        for (JsonNode r : requirements) {
            if (r.get("requirement").asString().contains(containing)) {
                return r;
            }
        }
        throw new AssertionError("no requirement with \"" + containing + "\" in " + requirements);
    }
}
