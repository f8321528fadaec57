package au.ausjobs.resume;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.platform.test.ClamdServer;
import au.ausjobs.platform.test.MongoWireServer;
import au.ausjobs.platform.test.Ports;
import au.ausjobs.platform.test.ServiceStub;

/**
 * The shared context of resume-service's tests: its own database on the Mongo wire server (files in its GridFS), the
 * real clamd with the test signatures (EICAR and the AusJobs marker), a stand-in for job-service's public job API, no
 * broker (events wait in the outbox, where
 * tests read them), and no scheduled rescans (tests call them).
 */
@SpringBootTest(properties = { "ausjobs.events.relay.enabled=false", "management.endpoint.health.show-components=always",
    "spring.kafka.listener.auto-startup=false", "spring.kafka.admin.auto-create=false",
    "ausjobs.resume.rescan-interval=PT24H" })
@AutoConfigureMockMvc
public abstract class ResumeServiceTest {

    protected static final String DATABASE = "resume-service";

    /** job-service's public job API, as resume-service reads it (through the load balancer; no Eureka in tests). */
    protected static final ServiceStub JOB_SERVICE = new ServiceStub("job-service", false);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.shared().uri(DATABASE));
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + Ports.free());
        registry.add("ausjobs.resume.clamd.host", () -> ClamdServer.shared().host());
        registry.add("ausjobs.resume.clamd.port", () -> ClamdServer.shared().port());
        registry.add("spring.cloud.discovery.client.simple.instances.job-service[0].uri", JOB_SERVICE::url);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    /** Uploads the sample two-page resume (PDF) for {@code seeker}; returns the new resume's id. */
    protected String uploadSampleResume(RequestPostProcessor seeker) throws Exception {
        String body = mvc.perform(multipart("/api/v1/resumes").file(new MockMultipartFile("file", "jane.pdf", null,
                SampleFiles.resumePdf(false))).with(seeker))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }
}
