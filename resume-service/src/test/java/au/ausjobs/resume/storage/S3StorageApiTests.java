package au.ausjobs.resume.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.platform.test.S3Server;
import au.ausjobs.resume.ResumeServiceTest;
import au.ausjobs.resume.SampleFiles;
import au.ausjobs.resume.resume.Resumes;
import au.ausjobs.resume.resume.RetentionPolicy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * resume-service with {@code ausjobs.resume.storage.type=s3} against a real S3-compatible server (S3Proxy, platform-test
 * {@link S3Server}), used through the HTTP API as a seeker would, with the buckets looked at through an S3 client of
 * the test's own: files land in the files bucket (gzipped where that pays), come back byte for byte, versions and
 * restore work, retention moves them to the archive bucket and back and deletes them there, deleting a resume or an
 * account empties the bucket, and a lost object is the same 404 problem as with GridFS. Both buckets are created at
 * startup ({@code create-bucket: true}).
 */
@TestPropertySource(properties = { "ausjobs.resume.storage.type=s3", "ausjobs.resume.storage.s3.bucket=" + S3StorageApiTests.FILES,
    "ausjobs.resume.storage.s3.archive-bucket=" + S3StorageApiTests.ARCHIVE, "ausjobs.resume.storage.s3.path-style-access=true",
    "ausjobs.resume.storage.s3.create-bucket=true", "ausjobs.resume.storage.s3.region=" + S3Server.REGION })
class S3StorageApiTests extends ResumeServiceTest {

    static final String FILES = "ausjobs-resumes-api-tests";
    static final String ARCHIVE = "ausjobs-resume-archive-api-tests";

    static final RequestPostProcessor SAM = KeycloakTokens.seeker("sam");
    static final RequestPostProcessor KIM = KeycloakTokens.seeker("kim");

    static S3Client s3;

    @DynamicPropertySource
    static void s3Server(DynamicPropertyRegistry registry) {
        registry.add("ausjobs.resume.storage.s3.endpoint", () -> S3Server.shared().endpoint());
        registry.add("ausjobs.resume.storage.s3.access-key", () -> S3Server.shared().accessKey());
        registry.add("ausjobs.resume.storage.s3.secret-key", () -> S3Server.shared().secretKey());
    }

    /** The test's own client: what is in the buckets, not what the service says. */
    @BeforeAll
    static void client() {
        S3Server server = S3Server.shared();
        s3 = S3Client.builder().endpointOverride(server.endpointUri()).region(Region.of(server.region()))
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(),
                server.secretKey())))
            .build();
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @Autowired
    Resumes service;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void clean() {
        mongo.getCollection("resumes").deleteMany(new org.bson.Document());
        mongo.getCollection("resume_access").deleteMany(new org.bson.Document());
        for (String bucket : List.of(FILES, ARCHIVE)) {
            objects(bucket).keySet().forEach(key -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
        }
    }

    /** Every object in the bucket: key to size. */
    static Map<String, Long> objects(String bucket) {
        Map<String, Long> objects = new TreeMap<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> objects.put(o.key(), o.size()));
        return objects;
    }

    static byte[] object(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    /** An object's bytes as uploaded: un-gzipped when its metadata says the service gzipped it. */
    static byte[] uploaded(String bucket, String key) throws Exception {
        byte[] stored = object(bucket, key);
        if (!"gzip".equals(s3.headObject(b -> b.bucket(bucket).key(key)).metadata().get("content-encoding"))) {
            return stored;
        }
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(stored))) {
            return in.readAllBytes();
        }
    }

    /** Every object in the files bucket as uploaded. */
    static List<byte[]> uploadedFiles() throws Exception {
        List<byte[]> files = new ArrayList<>();
        for (String key : objects(FILES).keySet()) {
            files.add(uploaded(FILES, key));
        }
        return files;
    }

    String upload(RequestPostProcessor who, String filename, byte[] content) throws Exception {
        String body = mvc.perform(multipart("/api/v1/resumes").file(new MockMultipartFile("file", filename, null, content))
                .with(who))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    void addVersion(String id, String filename, byte[] content) throws Exception {
        mvc.perform(multipart("/api/v1/resumes/" + id + "/versions").file(new MockMultipartFile("file", filename, null, content))
            .with(SAM)).andExpect(status().isCreated());
    }

    static String file(String id, int version) {
        return "/api/v1/resumes/" + id + "/versions/" + version + "/file";
    }

    @Test
    void anUploadLandsInTheBucketUnderARandomKeyAndDownloadsByteForByte() throws Exception {
        Map<String, byte[]> parts = SampleFiles.docxParts(1);
        byte[] photo = new byte[100_000];
        new java.util.Random(11).nextBytes(photo); // like a JPEG: nothing left to squeeze
        parts.put("word/media/image1.jpeg", photo);
        byte[] docx = SampleFiles.zip(parts);
        byte[] text = SampleFiles.utf8((SampleFiles.TEXT + "\n").repeat(400));
        String id = upload(SAM, "Zoë's CV 2025.docx", docx);
        String plain = upload(SAM, "long.txt", text);

        Map<String, Long> stored = objects(FILES);
        assertThat(stored).hasSize(2);
        assertThat(stored.keySet()).allMatch(key -> key.matches("resumes/[0-9a-f]{8}-[0-9a-f-]{27}"));
        String docxKey = stored.entrySet().stream().filter(e -> e.getValue() == docx.length).findFirst().orElseThrow().getKey();
        assertThat(object(FILES, docxKey)).as("a DOCX with a photo hardly shrinks: stored as it is").isEqualTo(docx);
        String textKey = stored.keySet().stream().filter(key -> !key.equals(docxKey)).findFirst().orElseThrow();
        assertThat(stored.get(textKey)).as("the text is stored gzipped").isLessThan(text.length / 10);
        assertThat(uploaded(FILES, textKey)).isEqualTo(text);
        var head = s3.headObject(b -> b.bucket(FILES).key(docxKey));
        assertThat(head.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(head.metadata()).containsEntry("resume-id", id).containsEntry("version", "1")
            .containsEntry("name", "Zo%C3%AB_s%20CV%202025.docx");
        assertThat(objects(ARCHIVE)).isEmpty();

        mvc.perform(get(file(id, 1)).with(SAM)).andExpect(status().isOk()).andExpect(content().bytes(docx));
        mvc.perform(get(file(plain, 1)).with(SAM)).andExpect(status().isOk()).andExpect(content().bytes(text));
        mvc.perform(get("/api/v1/resumes/" + plain + "/versions/1/reading").with(SAM))
            .andExpect(status().isOk()).andExpect(jsonPath("$.parsed.contact.name").value("Jane Citizen"));
    }

    @Test
    void eachVersionIsAnObjectAndAnEarlierOneCanBeRestoredAndDownloaded() throws Exception {
        byte[] first = SampleFiles.pdf(1);
        byte[] second = SampleFiles.docx(1);
        String id = upload(SAM, "cv-2024.pdf", first);
        addVersion(id, "cv-2025.docx", second);

        assertThat(uploadedFiles()).containsExactlyInAnyOrder(first, second);
        mvc.perform(post("/api/v1/resumes/" + id + "/versions/1/restore").with(SAM))
            .andExpect(status().isOk()).andExpect(jsonPath("$.currentVersion").value(1));
        mvc.perform(get(file(id, 1)).with(SAM)).andExpect(status().isOk()).andExpect(content().bytes(first));
        mvc.perform(get(file(id, 2)).with(SAM)).andExpect(status().isOk()).andExpect(content().bytes(second));
        assertThat(objects(FILES)).as("restoring an available version copies nothing").hasSize(2);
    }

    @Test
    void retentionMovesOldVersionsToTheArchiveBucketBringsThemBackAndDeletesThem() throws Exception {
        List<byte[]> versions = new ArrayList<>();
        String id = null;
        for (int i = 1; i <= 3; i++) {
            byte[] pdf = SampleFiles.pdf(i);
            versions.add(pdf);
            if (id == null) {
                id = upload(SAM, "cv" + i + ".pdf", pdf);
            }
            else {
                addVersion(id, "cv" + i + ".pdf", pdf);
            }
        }
        RetentionPolicy keepOne = new RetentionPolicy(1, Duration.ofDays(180), Duration.ofDays(730));

        assertThat(retention(Instant.now().plus(Duration.ofDays(200)), keepOne)).isEqualTo("2 archived, 0 deleted");
        assertThat(objects(FILES)).as("moved, not copied").hasSize(1);
        Map<String, Long> archived = objects(ARCHIVE);
        assertThat(archived).hasSize(2);
        assertThat(archived.keySet()).allMatch(key -> key.matches("archive/[0-9a-f-]{36}"));
        assertThat(archived.keySet()).allMatch(key -> {
            byte[] bytes = object(ARCHIVE, key);
            return bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b;
        });
        mvc.perform(get(file(id, 1)).with(SAM)).andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/version-archived"));

        mvc.perform(post("/api/v1/resumes/" + id + "/versions/1/restore").with(SAM))
            .andExpect(status().isOk()).andExpect(jsonPath("$.currentVersion").value(1))
            .andExpect(jsonPath("$.versions[0].status").value("AVAILABLE"));
        mvc.perform(get(file(id, 1)).with(SAM)).andExpect(status().isOk()).andExpect(content().bytes(versions.get(0)));
        assertThat(objects(FILES)).hasSize(2);
        assertThat(objects(ARCHIVE)).hasSize(1);

        assertThat(retention(Instant.now().plus(Duration.ofDays(800)), keepOne))
            .as("version 2 has been archived too long; version 1 is current; version 3 the newest")
            .isEqualTo("0 archived, 1 deleted");
        assertThat(objects(ARCHIVE)).isEmpty();
        assertThat(objects(FILES)).hasSize(2);
        mvc.perform(get(file(id, 2)).with(SAM)).andExpect(status().isGone())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/version-expired"));
    }

    /** The retention run (package-private in the resume package), at a moment of the test's choosing. */
    String retention(Instant now, RetentionPolicy policy) {
        Object result = ReflectionTestUtils.invokeMethod(context.getBean("resumeRetention"), "apply", now, policy);
        return ReflectionTestUtils.invokeMethod(result, "archived") + " archived, "
            + ReflectionTestUtils.invokeMethod(result, "deleted") + " deleted";
    }

    @Test
    void deletingAResumeOrAnAccountTakesItsObjectsFromBothBuckets() throws Exception {
        String first = upload(SAM, "a.pdf", SampleFiles.pdf(1));
        addVersion(first, "a2.pdf", SampleFiles.pdf(2));
        String second = upload(SAM, "b.txt", SampleFiles.txt());
        addVersion(second, "b2.pdf", SampleFiles.pdf(1));
        addVersion(second, "b3.pdf", SampleFiles.pdf(3));
        byte[] kims = SampleFiles.pdf(2);
        String kim = upload(KIM, "k.pdf", kims);
        assertThat(retention(Instant.now().plus(Duration.ofDays(200)), new RetentionPolicy(1, Duration.ofDays(180),
            Duration.ofDays(730)))).isEqualTo("3 archived, 0 deleted");
        assertThat(objects(FILES)).hasSize(3);
        assertThat(objects(ARCHIVE)).hasSize(3);

        mvc.perform(delete("/api/v1/resumes/" + first).with(SAM)).andExpect(status().isNoContent());
        assertThat(objects(FILES)).hasSize(2);
        assertThat(objects(ARCHIVE)).as("its archived version went too").hasSize(2);

        assertThat(service.eraseOwner("sam")).as("user.deleted").isEqualTo(1);
        assertThat(objects(ARCHIVE)).isEmpty();
        assertThat(objects(FILES)).as("only Kim's file is left").hasSize(1);
        assertThat(uploadedFiles()).containsExactly(kims);
        mvc.perform(get(file(kim, 1)).with(KIM)).andExpect(status().isOk()).andExpect(content().bytes(kims));
    }

    @Test
    void anObjectLostFromTheBucketIsTheSameProblemAsAFileLostFromGridFs() throws Exception {
        String id = upload(SAM, "cv.pdf", SampleFiles.pdf(1));
        String key = objects(FILES).keySet().iterator().next();
        s3.deleteObject(b -> b.bucket(FILES).key(key));

        GridFsMissingFileTests.expectMissingFileProblem(mvc.perform(get(file(id, 1)).with(SAM)));
    }
}
