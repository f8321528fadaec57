package au.ausjobs.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;


/**
 * What any client of job-service notices: it starts on its own database and reports healthy, publishes an OpenAPI
 * document, keeps its non-public paths behind a token (401 problem), and answers a signed-in caller's request for
 * something that does not exist with a 404 problem, never a 500.
 */
class JobServiceBaselineTests extends JobServiceTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void startsOnItsOwnDatabaseAndReportsHealthUp() throws Exception {
        assertThat(mongo.getDb().getName()).isEqualTo(DATABASE);
        mvc.perform(get("/actuator/health"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("UP"))
            .andExpect(jsonPath("$.components.mongo.status").value("UP"));
    }

    @Test
    void publishesItsOpenApiDocumentAsJsonWithoutAToken() throws Exception {
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(jsonPath("$.openapi", Matchers.startsWith("3.")))
            .andExpect(jsonPath("$.info").exists())
            .andExpect(jsonPath("$.paths").exists());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/jobs/moderation/queue", "/api/v1/search/saved", "/api/v1/applications/app-1",
        "/api/v1/companies/acme/jobs" })
    void refusesAnAnonymousCallerWith401ProblemAndABearerChallenge(String path) throws Exception {
        mvc.perform(get(path))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unauthorized"))
            .andExpect(jsonPath("$.status").value(401));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/jobs/anything", "/api/v1/search/nothing-here", "/api/v1/applications/app-1",
        "/api/v1/companies/acme" })
    void answersASignedInSeekerWith404ProblemNotA500ForAPathNotBuiltYet(String path) throws Exception {
        mvc.perform(get(path).with(seeker("seeker-1")).header("X-Correlation-Id", "baseline-404"))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/not-found"))
            .andExpect(jsonPath("$.instance").value(path))
            .andExpect(jsonPath("$.correlationId").value("baseline-404"))
            .andExpect(jsonPath("$.trace").doesNotExist());
    }

}
