package au.ausjobs.resume.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import au.ausjobs.platform.test.S3Server;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The S3 store on its own against a real S3-compatible server (S3Proxy, platform-test {@link S3Server}), through the
 * same client the service builds: bytes, content type and metadata (any file name, as ASCII) under random keys;
 * missing and foreign keys; idempotent deletes; the archive under its own prefix, gzipped, in its storage class.
 */
class S3ResumeFileStoreTests {

    static final String BUCKET = "ausjobs-store-tests";

    static S3Server server;
    static S3StorageProperties properties;
    static S3Client s3;
    static S3ResumeFileStore store;

    @BeforeAll
    static void bucket() {
        server = S3Server.shared();
        properties = properties(BUCKET, "resumes/", null, "archive/", "STANDARD_IA", server.accessKey(),
            server.secretKey());
        properties.check();
        s3 = ResumeStorageConfiguration.S3.client(properties);
        store = new S3ResumeFileStore(s3, BUCKET, properties.prefix(), null);
        store.createBucketIfMissing(properties.region());
        store.createBucketIfMissing(properties.region()); // a second instance starting finds it there
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    static S3StorageProperties properties(String bucket, String prefix, String archiveBucket, String archivePrefix,
            String archiveStorageClass, String accessKey, String secretKey) {
        return new S3StorageProperties(URI.create(server.endpoint()), "ap-southeast-2", bucket, prefix, archiveBucket,
            archivePrefix, archiveStorageClass, true, accessKey, secretKey, true, Duration.ofSeconds(2),
            Duration.ofSeconds(10), Duration.ofSeconds(20), RequestChecksumCalculation.WHEN_SUPPORTED);
    }

    List<S3Object> objects(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream().toList();
    }

    static byte[] read(InputStream in) throws Exception {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void bytesContentTypeAndMetadataAreStoredUnderARandomKeyWithAsciiHeaders() throws Exception {
        byte[] pdf = new byte[300_000];
        new Random(3).nextBytes(pdf);
        Map<String, String> metadata = Map.of("resumeId", "r-1", "version", "2",
            "name", "Zoë Nguyễn – CV (final) 100%+.pdf", "originalSize", "300000");

        String key = store.put(pdf, "application/pdf", metadata);
        String again = store.put(pdf, "application/pdf", metadata);

        assertThat(key).matches("resumes/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
            .isNotEqualTo(again).doesNotContain("Zo", "CV", "r-1");
        assertThat(objects("resumes/")).extracting(S3Object::key).contains(key, again);
        assertThat(read(store.open(key))).isEqualTo(pdf);
        S3ResumeFileStore.Stored stored = store.describe(key);
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.size()).isEqualTo(pdf.length);
        assertThat(stored.metadata()).as("the map comes back as it was put").isEqualTo(metadata);
        Map<String, String> raw = s3.headObject(b -> b.bucket(BUCKET).key(key)).metadata();
        assertThat(raw).containsEntry("resume-id", "r-1")
            .containsEntry("name", "Zo%C3%AB%20Nguy%E1%BB%85n%20%E2%80%93%20CV%20%28final%29%20100%25%2B.pdf");
        assertThat(String.join("", raw.values()).chars()).as("plain ASCII in the headers").allMatch(c -> c > 32 && c < 127);
    }

    @Test
    void aMissingKeyOrOneThisStoreCouldNotHaveMadeIsFileMissing() {
        String key = store.put("gone soon".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
        store.delete(key);

        assertThatThrownBy(() -> store.open(key)).isInstanceOf(ResumeFileStore.FileMissingException.class);
        assertThatThrownBy(() -> store.describe(key)).isInstanceOf(ResumeFileStore.FileMissingException.class);
        assertThatThrownBy(() -> store.open("resumes/00000000-0000-4000-8000-000000000000"))
            .isInstanceOf(ResumeFileStore.FileMissingException.class);
        for (String foreign : new String[] { "../" + key, key + "/../x", "resumes/cv.pdf", "", "507f1f77bcf86cd799439011" }) {
            assertThatThrownBy(() -> store.open(foreign)).as(foreign).isInstanceOf(ResumeFileStore.FileMissingException.class);
        }
        S3ResumeFileStore nowhere = new S3ResumeFileStore(s3, "no-such-bucket-here", "resumes/", null);
        assertThatThrownBy(() -> nowhere.open(key)).as("a missing bucket is a misconfiguration, not a missing file")
            .isNotInstanceOf(ResumeFileStore.FileMissingException.class);
    }

    @Test
    void deletingIsIdempotent() throws Exception {
        String key = store.put(new byte[] { 1, 2, 3 }, "application/octet-stream", Map.of("resumeId", "r-2"));
        String other = store.put(new byte[] { 4 }, "application/octet-stream", Map.of("resumeId", "r-3"));

        store.delete(key);
        store.delete(key);
        store.delete("not-a-key");

        assertThat(objects("resumes/")).extracting(S3Object::key).doesNotContain(key).contains(other);
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(ResumeFileStore.FileMissingException.class);
        assertThat(read(store.open(other))).containsExactly(4);
    }

    @Test
    void theArchiveKeepsGzippedFilesUnderItsOwnPrefixInItsStorageClass() {
        ResumeArchive archive = new ResumeStorageConfiguration.S3().resumeArchive(s3, properties);
        byte[] text = "Jane Citizen\nSenior Java Developer\n".repeat(200).getBytes(StandardCharsets.UTF_8);

        String key = archive.put(text, Map.of("resumeId", "r-4", "version", "1", "name", "cv.txt"));

        assertThat(key).startsWith("archive/");
        List<S3Object> archived = objects("archive/");
        assertThat(archived).extracting(S3Object::key).containsExactly(key);
        assertThat(archived.get(0).size()).as("gzipped").isLessThan(text.length / 10);
        S3ResumeFileStore.Stored stored = new S3ResumeFileStore(s3, BUCKET, "archive/", null).describe(key);
        assertThat(stored.contentType()).isEqualTo("application/gzip");
        assertThat(stored.storageClass()).isEqualTo(StorageClass.STANDARD_IA.toString());
        assertThat(stored.metadata()).containsEntry("resumeId", "r-4");
        assertThat(archive.read(key)).isEqualTo(text);

        archive.delete(key);
        archive.delete(key);
        assertThat(objects("archive/")).isEmpty();
        assertThatThrownBy(() -> archive.read(key)).isInstanceOf(ResumeFileStore.FileMissingException.class);
    }

    @Test
    void aConfigurationThatCannotWorkIsRefusedWithThePropertyToFix() {
        assertThatThrownBy(() -> properties(" ", "resumes/", null, "archive/", null, null, null).check())
            .hasMessageContaining("ausjobs.resume.storage.s3.bucket");
        assertThatThrownBy(() -> properties(BUCKET, "resumes/", null, "archive/", null, "AKIA123", null).check())
            .hasMessageContaining("access-key and secret-key");
        assertThatThrownBy(() -> properties(BUCKET, "files", null, "files/", null, null, null).check())
            .hasMessageContaining("archive-bucket or an archive-prefix");
        assertThatThrownBy(() -> properties(BUCKET, "../resumes", null, "archive/", null, null, null).check())
            .hasMessageContaining("prefix");
        properties(BUCKET, "files", BUCKET + "-archive", "files/", null, null, null).check(); // another bucket: fine
        assertThat(properties(BUCKET, "resumes/", null, "archive/", null, "AKIA123", "very-secret").toString())
            .doesNotContain("very-secret", "AKIA123");
    }
}
