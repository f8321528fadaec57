package au.ausjobs.resume.storage;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;

/**
 * The S3-compatible object store for resume files ({@code ausjobs.resume.storage.s3.*}), used when
 * {@code ausjobs.resume.storage.type=s3}. Bound (with its defaults) whatever the type; checked only when S3 is used.
 *
 * @param endpoint the server's URL for an S3-compatible store (MinIO, Ceph, S3Proxy...); empty for AWS itself
 * @param region the region to sign for (default ap-southeast-2, Sydney)
 * @param bucket the bucket of resume files (required)
 * @param prefix put before each file's key (default {@code resumes/})
 * @param archiveBucket where retention moves old versions; empty for the same bucket as the files
 * @param archivePrefix put before each archived file's key (default {@code archive/}), so a lifecycle rule can target it
 * @param archiveStorageClass the S3 storage class of archived files (e.g. STANDARD_IA, GLACIER_IR); empty for the
 *        bucket's default. Only classes that can be read at once: a restore reads the file straight away
 * @param pathStyleAccess {@code http://host/bucket/key} instead of {@code http://bucket.host/key} (MinIO, S3Proxy)
 * @param accessKey with {@code secretKey}: fixed credentials; both empty for the SDK's default chain (environment,
 *        system properties, web identity, profile, container or instance role)
 * @param secretKey the secret of {@code accessKey}; never logged
 * @param createBucket create the bucket(s) at startup if missing (default false: production buckets are made with
 *        their policies by whoever runs the infrastructure)
 * @param connectTimeout to open a connection (default 2s)
 * @param readTimeout longest wait for data on an open connection (default 30s)
 * @param apiCallTimeout longest a whole call may take, retries included (default 60s)
 * @param checksums WHEN_SUPPORTED (default: the SDK's CRC checksums on every upload and download) or WHEN_REQUIRED
 *        for S3-compatible servers that do not understand them yet
 */
@ConfigurationProperties("ausjobs.resume.storage.s3")
record S3StorageProperties(URI endpoint, @DefaultValue("ap-southeast-2") String region, String bucket,
        @DefaultValue("resumes/") String prefix, String archiveBucket, @DefaultValue("archive/") String archivePrefix,
        String archiveStorageClass, @DefaultValue("false") boolean pathStyleAccess, String accessKey, String secretKey,
        @DefaultValue("false") boolean createBucket, @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout, @DefaultValue("60s") Duration apiCallTimeout,
        @DefaultValue("WHEN_SUPPORTED") RequestChecksumCalculation checksums) {

    /** The bucket of archived versions: {@code archiveBucket}, or the files' bucket. */
    String archiveBucketOrDefault() {
        return blank(archiveBucket) ? bucket : archiveBucket;
    }

    boolean hasStaticCredentials() {
        return !blank(accessKey) && !blank(secretKey);
    }

    /** Fails at startup, with the property to fix, when S3 is selected but not usable as configured. */
    void check() {
        if (blank(bucket)) {
            throw new IllegalStateException("ausjobs.resume.storage.type=s3 needs ausjobs.resume.storage.s3.bucket");
        }
        if (blank(region)) {
            throw new IllegalStateException("ausjobs.resume.storage.s3.region must not be empty");
        }
        if (blank(accessKey) != blank(secretKey)) {
            throw new IllegalStateException("Set both ausjobs.resume.storage.s3.access-key and secret-key, or neither "
                + "(then the AWS SDK's default credentials chain is used)");
        }
        checkPrefix("prefix", prefix);
        checkPrefix("archive-prefix", archivePrefix);
        if (archiveBucketOrDefault().equals(bucket) && normalised(prefix).equals(normalised(archivePrefix))) {
            throw new IllegalStateException("The archive must be apart from the files: give ausjobs.resume.storage.s3."
                + "archive-bucket or an archive-prefix other than the prefix");
        }
    }

    private static void checkPrefix(String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!value.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*/?") || value.contains("..")) {
            throw new IllegalStateException("ausjobs.resume.storage.s3." + name + " may hold letters, digits, '_', '-', "
                + "'.' and '/' only: " + value);
        }
    }

    /** A key prefix ending with '/' (or empty). */
    static String normalised(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Where the files go, for the startup log: never the keys. */
    String describe() {
        return "bucket " + bucket + " (prefix '" + normalised(prefix) + "'), archive bucket " + archiveBucketOrDefault()
            + " (prefix '" + normalised(archivePrefix) + "'" + (blank(archiveStorageClass) ? "" : ", " + archiveStorageClass)
            + "), region " + region + (endpoint == null ? "" : ", endpoint " + endpoint)
            + (pathStyleAccess ? ", path-style" : "") + ", credentials " + (hasStaticCredentials() ? "from config" : "from the default chain");
    }

    @Override
    public String toString() {
        return "S3StorageProperties[" + describe() + ", createBucket=" + createBucket + "]";
    }
}
