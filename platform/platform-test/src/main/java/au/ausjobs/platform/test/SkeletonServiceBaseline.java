package au.ausjobs.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.platform.security.KeycloakRolesConverter;

/**
 * What a client of a service that has no endpoints yet notices: it starts on its own database and reports healthy,
 * publishes an OpenAPI document, keeps its paths behind a token (401 problem), and answers a signed-in caller's
 * request for a path that does not exist yet with a 404 problem, never a 500. Each such service's
 * {@code <Service>BaselineTests} extends this with its database and paths (and its own {@code @DynamicPropertySource}
 * calling {@link #infrastructure}).
 */
@SpringBootTest(properties = { "ausjobs.events.relay.enabled=false", "management.endpoint.health.show-components=always" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SkeletonServiceBaseline {

    private final String database;
    private final List<String> unbuiltPaths;

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    protected SkeletonServiceBaseline(String database, List<String> unbuiltPaths) {
        this.database = database;
        this.unbuiltPaths = unbuiltPaths;
    }

    /** The service's own database on the shared Mongo wire server, and no broker. */
    protected static void infrastructure(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.shared().uri(database));
        // No broker: nothing here may need Kafka to start or to answer.
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + Ports.free());
    }

    protected List<String> unbuiltPaths() {
        return unbuiltPaths;
    }

    @Test
    void startsOnItsOwnDatabaseAndReportsHealthUp() throws Exception {
        assertThat(mongo.getDb().getName()).isEqualTo(database);
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
    @MethodSource("unbuiltPaths")
    void refusesAnAnonymousCallerWith401ProblemAndABearerChallenge(String path) throws Exception {
        mvc.perform(get(path))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unauthorized"))
            .andExpect(jsonPath("$.status").value(401));
    }

    @ParameterizedTest
    @MethodSource("unbuiltPaths")
    void answersASignedInSeekerWith404ProblemNotA500ForAPathNotBuiltYet(String path) throws Exception {
        mvc.perform(get(path).with(seeker("seeker-1")).header("X-Correlation-Id", "baseline-404"))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/not-found"))
            .andExpect(jsonPath("$.instance").value(path))
            .andExpect(jsonPath("$.correlationId").value("baseline-404"))
            .andExpect(jsonPath("$.trace").doesNotExist());
    }

    private static RequestPostProcessor seeker(String id) {
        return jwt().jwt(j -> j.subject(id).claim("realm_access", Map.of("roles", List.of("job_seeker"))))
            .authorities(new KeycloakRolesConverter());
    }
}
