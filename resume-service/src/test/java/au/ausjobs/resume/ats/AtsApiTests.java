package au.ausjobs.resume.ats;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.platform.test.ServiceStub;
import au.ausjobs.resume.ResumeServiceTest;

/**
 * A seeker checks a resume against a published job (read from job-service through the load balancer): the skills it
 * mentions, its ATS score with the keyword match, and the suggestions; the same without a job; and the answers when
 * the job is unknown or job-service is down.
 */
class AtsApiTests extends ResumeServiceTest {

    static final RequestPostProcessor JANE = KeycloakTokens.seeker("jane");

    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    String base;
    String jobId = UUID.randomUUID().toString();

    @BeforeEach
    void janeHasAResumeAndThereIsAJob() throws Exception {
        base = "/api/v1/resumes/" + uploadSampleResume(JANE) + "/versions/1";
        JOB_SERVICE.answer("/api/v1/jobs/" + jobId, """
            {"id":"%s","companyId":"company-wattle","companyName":"Wattle Tech","status":"PUBLISHED",
             "title":"Senior Java Developer","description":"<p>Build event-driven services with Kafka on AWS.</p>",
             "employmentTypes":["FULL_TIME"],"workMode":"HYBRID","category":"Information & Communication Technology",
             "skills":["Java","Kafka","Terraform","Python"],"seniority":"SENIOR"}""".formatted(jobId));
    }

    @AfterEach
    void jobServiceBack() {
        JOB_SERVICE.mode(ServiceStub.Mode.NORMAL);
        breakers.getCircuitBreakerRegistry().circuitBreaker("job-service").reset();
    }

    @Test
    void theSkillsScoreAndSuggestionsAgainstAPublishedJob() throws Exception {
        mvc.perform(get(base + "/skills").with(JANE)).andExpect(status().isOk())
            .andExpect(jsonPath("$[*].skill.name", hasItems("Java", "Docker", "PostgreSQL")));
        mvc.perform(get(base + "/ats-score").param("jobId", jobId).with(JANE))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.jobCompared").value(true))
            .andExpect(jsonPath("$.missingSkills", hasItems("Terraform", "Python")))
            .andExpect(jsonPath("$.matchedSkills", hasItem("Java")))
            .andExpect(jsonPath("$.subScores.length()").value(7))
            .andExpect(jsonPath("$.score").isNumber());
        mvc.perform(get(base + "/ats-score").with(JANE))
            .andExpect(status().isOk()).andExpect(jsonPath("$.jobCompared").value(false))
            .andExpect(jsonPath("$.missingSkills.length()").value(0));
        mvc.perform(get(base + "/suggestions").param("jobId", jobId).with(JANE))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.suggestions[*].kind", hasItems("MISSING_SKILL", "WEAK_BULLET")))
            .andExpect(jsonPath("$.ats.jobCompared").value(true));
    }

    @Test
    void anUnknownJobIs404AJobServiceThatFailsIs503AndOthersSeeNothing() throws Exception {
        mvc.perform(get(base + "/ats-score").param("jobId", UUID.randomUUID().toString()).with(JANE))
            .andExpect(status().isNotFound());
        mvc.perform(get(base + "/ats-score").param("jobId", "../../admin").with(JANE)).andExpect(status().isBadRequest());
        mvc.perform(get(base + "/ats-score").with(KeycloakTokens.seeker("kim"))).andExpect(status().isNotFound());
        JOB_SERVICE.mode(ServiceStub.Mode.FAILING);
        mvc.perform(get(base + "/ats-score").param("jobId", jobId).with(JANE))
            .andExpect(status().isServiceUnavailable())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/job-service-unavailable"));
        mvc.perform(get(base + "/ats-score").with(JANE)).andExpect(status().isOk()); // no job: job-service not needed
    }
}
