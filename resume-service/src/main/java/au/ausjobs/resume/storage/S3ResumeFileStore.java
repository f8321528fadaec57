package au.ausjobs.resume.storage;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Resume files in an S3-compatible bucket (AWS S3, MinIO, Ceph...), with AWS SDK v2; chosen with
 * {@code ausjobs.resume.storage.type=s3} (see {@link S3StorageProperties}). The same class keeps the archive, with
 * the archive's bucket and prefix.
 * <p>
 * Keys are the prefix and a random UUID ({@code resumes/0b5e...}), never anything a user sent. The content type is the
 * object's Content-Type; the metadata map is the object's user metadata ({@code x-amz-meta-*}): names camelCase to
 * kebab-case (S3 lower-cases them: {@code resumeId} is {@code resume-id}), values percent-encoded UTF-8 so that any
 * file name travels as plain ASCII in an HTTP header ({@link #metadata(String)} decodes both).
 */
final class S3ResumeFileStore implements ResumeFileStore.Backend {

    private static final Logger log = LoggerFactory.getLogger(S3ResumeFileStore.class);

    /** S3's limit for all user metadata of an object (names and values, UTF-8). */
    static final int MAX_METADATA_BYTES = 2048;

    /**
     * What a key this store made looks like: an optional prefix (segments not starting with a dot, so no "..") then a
     * UUID. Anything else names no file.
     */
    private static final Pattern KEY = Pattern.compile(
        "(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}/){0,8}[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final Pattern METADATA_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final StorageClass storageClass;

    /**
     * @param prefix put before every key (e.g. {@code resumes/}); may be empty
     * @param storageClass the class of every object put, or null for the bucket's default
     */
    S3ResumeFileStore(S3Client s3, String bucket, String prefix, StorageClass storageClass) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = S3StorageProperties.normalised(prefix);
        this.storageClass = storageClass;
    }

    @Override
    public String put(byte[] content, String contentType, Map<String, String> metadata) {
        String key = prefix + UUID.randomUUID();
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key)
            .contentType(contentType).contentLength((long) content.length).metadata(encode(metadata));
        if (storageClass != null) {
            request.storageClass(storageClass);
        }
        s3.putObject(request.build(), RequestBody.fromBytes(content));
        return key;
    }

    @Override
    public InputStream open(String key) {
        if (!isKey(key)) {
            throw new ResumeFileStore.FileMissingException(String.valueOf(key));
        }
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        }
        catch (S3Exception e) {
            throw missingOr(key, e);
        }
    }

    /** Deleting an object that is not there succeeds in S3, so this is idempotent. */
    @Override
    public void delete(String key) {
        if (isKey(key)) {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        }
    }

    /** What is stored under the key besides its bytes (for operators and tests). */
    Stored describe(String key) {
        if (!isKey(key)) {
            throw new ResumeFileStore.FileMissingException(String.valueOf(key));
        }
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return new Stored(head.contentType(), head.contentLength(), decode(head.metadata()),
                head.storageClassAsString());
        }
        catch (S3Exception e) {
            throw missingOr(key, e);
        }
    }

    /** The object's metadata, as the map it was put with. */
    Map<String, String> metadata(String key) {
        return describe(key).metadata();
    }

    /** An object's description: Content-Type, size, decoded user metadata and storage class (null: STANDARD). */
    record Stored(String contentType, long size, Map<String, String> metadata, String storageClass) {
    }

    String bucket() {
        return bucket;
    }

    String prefix() {
        return prefix;
    }

    /** Creates the bucket unless it exists (for tests and development: {@code create-bucket: true}). */
    void createBucketIfMissing(String region) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return;
        }
        catch (NoSuchBucketException e) {
            // create it below
        }
        catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        try {
            if ("us-east-1".equals(region)) {
                s3.createBucket(b -> b.bucket(bucket));
            }
            else {
                s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(region)));
            }
            log.info("Created the S3 bucket {}", bucket);
        }
        catch (BucketAlreadyOwnedByYouException e) {
            // another instance was quicker
        }
    }

    static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    private RuntimeException missingOr(String key, S3Exception e) {
        if (e instanceof NoSuchKeyException) {
            return new ResumeFileStore.FileMissingException(key);
        }
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if (e.statusCode() == 404 && !"NoSuchBucket".equals(code) && !(e instanceof NoSuchBucketException)) {
            return new ResumeFileStore.FileMissingException(key); // HEAD answers have no body, hence no error code
        }
        return e;
    }

    /** The metadata map as S3 user metadata: kebab-case names, percent-encoded values, 2 KB at most. */
    static Map<String, String> encode(Map<String, String> metadata) {
        Map<String, String> encoded = new LinkedHashMap<>();
        int bytes = 0;
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            if (!METADATA_NAME.matcher(entry.getKey()).matches()) {
                throw new IllegalArgumentException("Metadata names are camelCase letters and digits: " + entry.getKey());
            }
            String name = kebab(entry.getKey());
            String value = percentEncode(entry.getValue() == null ? "" : entry.getValue());
            bytes += name.length() + value.length();
            encoded.put(name, value);
        }
        if (bytes > MAX_METADATA_BYTES) {
            throw new IllegalArgumentException("S3 user metadata is limited to " + MAX_METADATA_BYTES + " bytes; this is "
                + bytes);
        }
        return encoded;
    }

    /** S3 user metadata back to the map it was put with. */
    static Map<String, String> decode(Map<String, String> metadata) {
        Map<String, String> decoded = new LinkedHashMap<>();
        metadata.forEach((name, value) -> decoded.put(camel(name), URLDecoder.decode(value, StandardCharsets.UTF_8)));
        return decoded;
    }

    /** UTF-8 with every byte outside RFC 3986's unreserved characters as %XX: plain ASCII, no spaces, no '+'. */
    static String percentEncode(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                out.write(c);
            }
            else {
                out.write('%');
                out.write(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.write(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static String kebab(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String camel(String kebab) {
        StringBuilder out = new StringBuilder(kebab.length());
        boolean upper = false;
        for (char c : kebab.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '-') {
                upper = true;
            }
            else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "S3 bucket " + bucket + " (prefix '" + prefix + "')";
    }
}
