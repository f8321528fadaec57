package au.ausjobs.job;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.platform.security.KeycloakRolesConverter;
import au.ausjobs.platform.test.MongoWireServer;
import au.ausjobs.platform.test.Ports;

/**
 * The shared context of job-service's tests: its own database on the Mongo wire server, no broker (events wait in
 * the outbox, where tests read them), and tokens made the way Keycloak makes them.
 */
@SpringBootTest(properties = { "ausjobs.events.relay.enabled=false", "management.endpoint.health.show-components=always",
    // No broker here: listeners stay stopped and no topics are created (CompanyCopyAndJobEventsTests uses a real one).
    "spring.kafka.listener.auto-startup=false", "spring.kafka.admin.auto-create=false" })
@AutoConfigureMockMvc
public abstract class JobServiceTest {

    protected static final String DATABASE = "job-service";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.shared().uri(DATABASE));
        // No broker: nothing here may need Kafka to start or to answer.
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + Ports.free());
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    /** An employer drafts a job (the body as the API takes it); returns its id. */
    protected String draftJob(RequestPostProcessor employer, String jobJson) throws Exception {
        String body = mvc.perform(post("/api/v1/jobs").with(employer).contentType(MediaType.APPLICATION_JSON).content(jobJson))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    /** A draft goes live the way it does for real: its employer asks to publish, an admin approves. */
    protected void publishAndApprove(String jobId, RequestPostProcessor employer) throws Exception {
        mvc.perform(post("/api/v1/jobs/" + jobId + "/publish").with(employer)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/jobs/" + jobId + "/approve").with(admin("admin-1"))).andExpect(status().isOk());
    }

    protected static RequestPostProcessor seeker(String id) {
        return token(id, null, "ausjobs-spa", "job_seeker");
    }

    /** A recruiter (role employer) of {@code companyId}. */
    protected static RequestPostProcessor employer(String id, String companyId) {
        return token(id, companyId, "ausjobs-spa", "employer");
    }

    protected static RequestPostProcessor admin(String id) {
        return token(id, null, KeycloakRolesConverter.ADMIN_CONSOLE_CLIENT, "admin");
    }

    protected static RequestPostProcessor support(String id) {
        return token(id, null, "ausjobs-spa", "support");
    }

    protected static RequestPostProcessor token(String subject, String companyId, String client, String... roles) {
        List<String> realmRoles = new ArrayList<>(List.of(roles));
        return jwt().jwt(j -> {
            j.subject(subject).claim("azp", client).claim("realm_access", Map.of("roles", realmRoles));
            if (companyId != null) {
                j.claim("company_id", companyId);
            }
        }).authorities(new KeycloakRolesConverter());
    }
}
