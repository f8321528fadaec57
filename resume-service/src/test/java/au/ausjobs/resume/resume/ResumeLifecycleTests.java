package au.ausjobs.resume.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.platform.events.OutboxEntry;
import au.ausjobs.platform.test.ClamdServer;
import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.resume.ResumeServiceTest;
import au.ausjobs.resume.SampleFiles;

/**
 * A resume's life: versions, downloads (logged, with safe headers), restore, rename, delete, erasure with the
 * account; who may see what (owner and staff; 404 for anyone else); and a file held while the scanner is down,
 * cleared or deleted once it answers.
 */
class ResumeLifecycleTests extends ResumeServiceTest {

    static final RequestPostProcessor SAM = KeycloakTokens.seeker("sam");
    static final RequestPostProcessor KIM = KeycloakTokens.seeker("kim");

    @Autowired
    ResumeRepository resumes;

    @Autowired
    Resumes service;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void clean() {
        resumes.deleteAll();
        mongo.dropCollection("resume_access");
        mongo.getCollection("fs.files").deleteMany(new org.bson.Document());
        mongo.getCollection("fs.chunks").deleteMany(new org.bson.Document());
    }

    String upload(RequestPostProcessor who, String filename, byte[] content) throws Exception {
        String body = mvc.perform(multipart("/api/v1/resumes").file(new MockMultipartFile("file", filename, null, content))
                .param("name", "Main resume").with(who))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    List<String> eventTypes(String id) {
        return resumes.findById(id).orElseThrow().getOutbox().stream().map(OutboxEntry::type).toList();
    }

    @Test
    void eachUploadIsANewVersionAndAnEarlierOneCanBeRestoredAndDownloaded() throws Exception {
        byte[] first = SampleFiles.pdf(1);
        byte[] second = SampleFiles.docx(2);
        String id = upload(SAM, "cv-2024.pdf", first);
        mvc.perform(multipart("/api/v1/resumes/" + id + "/versions").file(new MockMultipartFile("file", "cv-2025.docx", null, second))
                .with(SAM))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", "/api/v1/resumes/" + id + "/versions/2/file"))
            .andExpect(jsonPath("$.currentVersion").value(2))
            .andExpect(jsonPath("$.versions.length()").value(2));

        mvc.perform(get("/api/v1/resumes/" + id + "/versions/1/file").with(SAM))
            .andExpect(status().isOk())
            .andExpect(content().contentType(MediaType.APPLICATION_PDF))
            .andExpect(content().bytes(first))
            .andExpect(header().string("Content-Disposition", containsString("attachment")))
            .andExpect(header().string("Content-Disposition", containsString("cv-2024.pdf")))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andExpect(header().string("Cache-Control", containsString("no-store")));
        mvc.perform(post("/api/v1/resumes/" + id + "/versions/1/restore").with(SAM))
            .andExpect(status().isOk()).andExpect(jsonPath("$.currentVersion").value(1));
        mvc.perform(get("/api/v1/resumes/" + id + "/versions").with(SAM))
            .andExpect(jsonPath("$[1].format").value("DOCX")).andExpect(jsonPath("$[1].filename").value("cv-2025.docx"));
        mvc.perform(post("/api/v1/resumes/" + id + "/versions/9/restore").with(SAM)).andExpect(status().isNotFound());
        assertThat(eventTypes(id)).as("each clean version is announced, then analysed")
            .containsExactly("au.ausjobs.resume.uploaded.v1", "au.ausjobs.resume.analysed.v1", "au.ausjobs.resume.uploaded.v1",
                "au.ausjobs.resume.analysed.v1");
        assertThat(resumes.findById(id).orElseThrow().getOutbox().get(2).payload()).contains("\"version\":2", "\"format\":\"DOCX\"");
        assertThat(resumes.findById(id).orElseThrow().getOutbox().get(3).payload()).contains("\"version\":2", "\"atsScore\":");
    }

    @Test
    void filesThatShrinkAreStoredCompressedAndComeBackAsUploaded() throws Exception {
        byte[] text = SampleFiles.utf8((SampleFiles.TEXT + "\n").repeat(400));
        java.util.Map<String, byte[]> parts = SampleFiles.docxParts(1);
        byte[] photo = new byte[200_000];
        new java.util.Random(7).nextBytes(photo); // like a JPEG: nothing left to squeeze
        parts.put("word/media/image1.jpeg", photo);
        byte[] docx = SampleFiles.zip(parts);
        String plain = upload(SAM, "long.txt", text);
        String zipped = upload(SAM, "cv.docx", docx);

        long textStored = storedLength(plain);
        assertThat(textStored).as("text is stored gzipped").isLessThan(text.length / 10);
        assertThat(storedLength(zipped)).as("a DOCX with a photo hardly shrinks: stored as it is").isEqualTo(docx.length);
        mvc.perform(get("/api/v1/resumes/" + zipped + "/versions/1/file").with(SAM)).andExpect(content().bytes(docx));
        mvc.perform(get("/api/v1/resumes/" + plain + "/versions/1/file").with(SAM))
            .andExpect(status().isOk()).andExpect(content().bytes(text));
        mvc.perform(get("/api/v1/resumes/" + plain + "/versions/1/reading").with(SAM))
            .andExpect(status().isOk()).andExpect(jsonPath("$.parsed.contact.name").value("Jane Citizen"));
        mvc.perform(get("/api/v1/resumes/" + plain).with(SAM)).andExpect(jsonPath("$.versions[0].sizeBytes").value(text.length));
    }

    long storedLength(String resumeId) {
        org.bson.Document file = mongo.getCollection("fs.files")
            .find(new org.bson.Document("metadata.resumeId", resumeId)).first();
        assertThat(file).isNotNull();
        return ((Number) file.get("length")).longValue();
    }

    @Test
    void onlyTheOwnerAndStaffSeeAResumeAndEveryDownloadIsLogged() throws Exception {
        String id = upload(SAM, "cv.pdf", SampleFiles.pdf(1));
        mvc.perform(get("/api/v1/resumes/" + id).with(KIM)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resumes/" + id + "/versions/1/file").with(KIM)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resumes/" + id + "/versions/1/file").with(KeycloakTokens.employer("priya", "company-wattle")))
            .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/resumes/" + id + "/versions").file(new MockMultipartFile("file", "x.pdf", null, SampleFiles.pdf(1)))
            .with(KIM)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/resumes/" + id).with(KIM)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resumes/" + id)).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/v1/resumes/" + id).with(SAM)).andExpect(jsonPath("$.ownerId").value("sam"));
        mvc.perform(get("/api/v1/resumes").with(SAM)).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/v1/resumes").with(KIM)).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/resumes/" + id + "/versions/1/file").with(SAM)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/resumes/" + id + "/versions/1/file").with(KeycloakTokens.support("sue"))).andExpect(status().isOk());

        mvc.perform(get("/api/v1/resumes/" + id + "/access-log").with(KIM)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resumes/" + id + "/access-log").with(SAM))
            .andExpect(jsonPath("$.length()").value(2))
            .andExpect(jsonPath("$[0].readerId").value("sue")).andExpect(jsonPath("$[0].capacity").value("STAFF"))
            .andExpect(jsonPath("$[1].readerId").value("sam")).andExpect(jsonPath("$[1].capacity").value("OWNER"));
    }

    @Test
    void renamingAndDeletingAreTheOwnersAndDeletingTakesTheFilesToo() throws Exception {
        String id = upload(SAM, "cv.pdf", SampleFiles.pdf(1));
        mvc.perform(patch("/api/v1/resumes/" + id).with(SAM).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"  Tech roles \"}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Tech roles"));
        mvc.perform(patch("/api/v1/resumes/" + id).with(SAM).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\"}"))
            .andExpect(status().isBadRequest());
        assertThat(mongo.getCollection("fs.files").countDocuments()).isEqualTo(1);
        mvc.perform(delete("/api/v1/resumes/" + id).with(SAM)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/resumes/" + id).with(SAM)).andExpect(status().isNotFound());
        assertThat(mongo.getCollection("fs.files").countDocuments()).as("the file is gone from GridFS").isZero();
    }

    @Test
    void aDeletedAccountsResumesAndFilesAreErased() throws Exception {
        upload(SAM, "a.pdf", SampleFiles.pdf(1));
        upload(SAM, "b.txt", SampleFiles.txt());
        String kims = upload(KIM, "k.pdf", SampleFiles.pdf(1));
        assertThat(service.eraseOwner("sam")).isEqualTo(2);
        mvc.perform(get("/api/v1/resumes").with(SAM)).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/resumes/" + kims + "/versions/1/file").with(KIM)).andExpect(status().isOk());
        assertThat(mongo.getCollection("fs.files").countDocuments()).isEqualTo(1);
    }

    @Test
    void aSeekerKeepsAtMostTenResumes() throws Exception {
        for (int i = 0; i < Resumes.MAX_RESUMES; i++) {
            upload(SAM, "cv" + i + ".txt", SampleFiles.txt());
        }
        mvc.perform(multipart("/api/v1/resumes").file(new MockMultipartFile("file", "one-more.txt", null, SampleFiles.txt())).with(SAM))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/too-many-resumes"));
    }

    @Test
    void whileTheScannerIsDownAnUploadIsHeldNotAcceptedAndItsVerdictComesLater() throws Exception {
        String id = upload(SAM, "cv.pdf", SampleFiles.pdf(1));
        String infected;
        ClamdServer clamd = ClamdServer.shared();
        clamd.stop();
        try {
            mvc.perform(multipart("/api/v1/resumes/" + id + "/versions").file(new MockMultipartFile("file", "v2.txt", null, SampleFiles.txt()))
                    .with(SAM))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.versions[1].status").value("PENDING_SCAN"))
                .andExpect(jsonPath("$.currentVersion").value(1));
            String body = mvc.perform(multipart("/api/v1/resumes").file(new MockMultipartFile("file", "eicar.txt", null,
                    SampleFiles.utf8(ClamdServer.EICAR))).with(SAM))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.available").value(false))
                .andReturn().getResponse().getContentAsString();
            infected = json.readTree(body).get("id").asString();
            mvc.perform(get("/api/v1/resumes/" + id + "/versions/2/file").with(SAM))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/scan-pending"));
            assertThat(service.rescanPending(10)).as("still no scanner: nothing settles").isZero();
        }
        finally {
            clamd.start();
        }

        assertThat(service.rescanPending(10)).isEqualTo(2);
        mvc.perform(get("/api/v1/resumes/" + id).with(SAM))
            .andExpect(jsonPath("$.versions[1].status").value("AVAILABLE"))
            .andExpect(jsonPath("$.currentVersion").value(2));
        mvc.perform(get("/api/v1/resumes/" + id + "/versions/2/file").with(SAM)).andExpect(status().isOk());
        assertThat(eventTypes(id)).as("version 1 at upload, version 2 once cleared: each announced and analysed")
            .containsExactly("au.ausjobs.resume.uploaded.v1", "au.ausjobs.resume.analysed.v1", "au.ausjobs.resume.uploaded.v1",
                "au.ausjobs.resume.analysed.v1");

        mvc.perform(get("/api/v1/resumes/" + infected).with(SAM))
            .andExpect(jsonPath("$.versions[0].status").value("INFECTED"))
            .andExpect(jsonPath("$.versions[0].signature").value(containsString(ClamdServer.EICAR_SIGNATURE)))
            .andExpect(jsonPath("$.available").value(false));
        mvc.perform(get("/api/v1/resumes/" + infected + "/versions/1/file").with(SAM))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/infected-file"));
        assertThat(eventTypes(infected)).as("an infected file is never announced").isEmpty();
        assertThat(mongo.getCollection("fs.files").countDocuments()).as("the infected file is deleted").isEqualTo(2);
    }
}
