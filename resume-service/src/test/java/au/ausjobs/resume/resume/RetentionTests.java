package au.ausjobs.resume.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.events.application.ApplicationSubmitted;
import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.resume.ResumeServiceTest;
import au.ausjobs.resume.SampleFiles;

/**
 * The retention policy over time: old versions go to the archive (not the current one, the newest, nor one an
 * application points to), an archived one can be restored byte for byte, and archived versions past their time are
 * deleted while their record stays.
 */
class RetentionTests extends ResumeServiceTest {

    static final RequestPostProcessor SAM = KeycloakTokens.seeker("sam");
    static final RetentionPolicy POLICY = new RetentionPolicy(1, Duration.ofDays(180), Duration.ofDays(730));

    @Autowired
    ResumeRetention retention;

    @Autowired
    ApplicationEventsListener applicationEvents;

    @Autowired
    ResumeRepository resumes;

    @Autowired
    MongoTemplate mongo;

    String id;
    List<byte[]> versions = new ArrayList<>();

    @BeforeEach
    void samUploadedFourVersions() throws Exception {
        resumes.deleteAll();
        mongo.getCollection("archive.files").deleteMany(new org.bson.Document());
        mongo.getCollection("archive.chunks").deleteMany(new org.bson.Document());
        for (int i = 1; i <= 4; i++) {
            byte[] file = SampleFiles.utf8(SampleFiles.TEXT + "\nVersion " + i + "\n");
            versions.add(file);
            var request = multipart(id == null ? "/api/v1/resumes" : "/api/v1/resumes/" + id + "/versions")
                .file(new MockMultipartFile("file", "cv" + i + ".txt", null, file)).with(SAM);
            String body = mvc.perform(request).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            id = json.readTree(body).get("id").asString();
        }
        applicationEvents.grant(new ApplicationSubmitted("app-9", "job-9", "Barista", "company-wattle", "sam", id,
            Instant.now(), 2));
    }

    String file(int version) {
        return "/api/v1/resumes/" + id + "/versions/" + version + "/file";
    }

    @Test
    void oldVersionsAreArchivedThenDeletedButNeverTheCurrentTheNewestOrOneAnApplicationUses() throws Exception {
        assertThat(retention.apply(Instant.now().plus(Duration.ofDays(100)), POLICY)).as("nothing is old enough yet")
            .isEqualTo(new ResumeRetention.Result(0, 0));

        assertThat(retention.apply(Instant.now().plus(Duration.ofDays(200)), POLICY))
            .isEqualTo(new ResumeRetention.Result(2, 0));
        mvc.perform(get("/api/v1/resumes/" + id).with(SAM))
            .andExpect(jsonPath("$.versions[0].status").value("ARCHIVED"))
            .andExpect(jsonPath("$.versions[1].status").value("AVAILABLE")) // an application points to it
            .andExpect(jsonPath("$.versions[2].status").value("ARCHIVED"))
            .andExpect(jsonPath("$.versions[3].status").value("AVAILABLE")) // current and newest
            .andExpect(jsonPath("$.currentVersion").value(4));
        mvc.perform(get(file(1)).with(SAM)).andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/version-archived"));
        mvc.perform(get(file(2)).with(KeycloakTokens.employer("priya", "company-wattle"))).andExpect(status().isOk());
        assertThat(mongo.getCollection("archive.files").countDocuments()).isEqualTo(2);
        assertThat(mongo.getCollection("fs.files").countDocuments(new org.bson.Document("metadata.resumeId", id)))
            .as("moved, not copied").isEqualTo(2);

        mvc.perform(post("/api/v1/resumes/" + id + "/versions/1/restore").with(SAM))
            .andExpect(status().isOk()).andExpect(jsonPath("$.currentVersion").value(1))
            .andExpect(jsonPath("$.versions[0].status").value("AVAILABLE"));
        mvc.perform(get(file(1)).with(SAM)).andExpect(status().isOk()).andExpect(content().bytes(versions.get(0)));
        assertThat(mongo.getCollection("archive.files").countDocuments()).isEqualTo(1);

        assertThat(retention.apply(Instant.now().plus(Duration.ofDays(800)), POLICY))
            .as("version 3 has been archived too long; version 1 is current again")
            .isEqualTo(new ResumeRetention.Result(0, 1));
        mvc.perform(get(file(3)).with(SAM)).andExpect(status().isGone())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/version-expired"));
        mvc.perform(get("/api/v1/resumes/" + id).with(SAM))
            .andExpect(jsonPath("$.versions[2].status").value("EXPIRED"))
            .andExpect(jsonPath("$.versions[2].sha256").exists());
        assertThat(mongo.getCollection("archive.files").countDocuments()).isZero();
        assertThat(retention.apply(Instant.now().plus(Duration.ofDays(800)), POLICY)).as("a second run finds nothing")
            .isEqualTo(new ResumeRetention.Result(0, 0));
    }
}
