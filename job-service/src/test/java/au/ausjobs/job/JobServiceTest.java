package au.ausjobs.job;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.platform.test.KeycloakTokens;
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
        // resume-service, found by name through the load balancer (no Eureka in tests)
        registry.add("spring.cloud.discovery.client.simple.instances.resume-service[0].uri",
            () -> FakeResumeService.shared().url());
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
        return KeycloakTokens.seeker(id);
    }

    /** A recruiter (role employer) of {@code companyId}. */
    protected static RequestPostProcessor employer(String id, String companyId) {
        return KeycloakTokens.employer(id, companyId);
    }

    protected static RequestPostProcessor admin(String id) {
        return KeycloakTokens.admin(id);
    }

    protected static RequestPostProcessor support(String id) {
        return KeycloakTokens.support(id);
    }

    protected static RequestPostProcessor token(String subject, String companyId, String client, String... roles) {
        return KeycloakTokens.token(subject, companyId, client, roles);
    }
}
