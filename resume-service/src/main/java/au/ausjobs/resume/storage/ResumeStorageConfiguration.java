package au.ausjobs.resume.storage;

import java.util.ServiceLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Which store holds resume files, by {@code ausjobs.resume.storage.type}: {@code gridfs} (the default) or {@code s3}.
 * Each provides the {@link ResumeFileStore.Backend} (wrapped by {@link CompressingResumeFileStore}) and the
 * {@link ResumeArchive} in the same kind of store.
 */
@Configuration(proxyBeanMethods = false)
class ResumeStorageConfiguration {

    static final String TYPE = "ausjobs.resume.storage.type";

    /** GridFS in the service's own database: files in bucket {@code fs}, the archive in bucket {@code archive}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = TYPE, havingValue = "gridfs", matchIfMissing = true)
    static class GridFs {

        @Bean
        GridFsResumeFileStore gridFsResumeFileStore(GridFsTemplate gridFs) {
            return new GridFsResumeFileStore(gridFs);
        }

        @Bean
        ResumeArchive resumeArchive(MongoDatabaseFactory mongo, MongoConverter converter) {
            return new ResumeArchive(new GridFsResumeFileStore(new GridFsTemplate(mongo, converter, "archive")));
        }
    }

    /** An S3-compatible bucket (ausjobs.resume.storage.s3.*); the archive in its own bucket or under its own prefix. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = TYPE, havingValue = "s3")
    static class S3 {

        private static final Logger log = LoggerFactory.getLogger(ResumeStorageConfiguration.class);

        @Bean(destroyMethod = "close")
        S3Client resumeS3Client(S3StorageProperties properties) {
            properties.check();
            log.info("Resume files in S3: {}", properties.describe());
            return client(properties);
        }

        @Bean
        S3ResumeFileStore s3ResumeFileStore(S3Client resumeS3Client, S3StorageProperties properties) {
            S3ResumeFileStore store = new S3ResumeFileStore(resumeS3Client, properties.bucket(), properties.prefix(), null);
            if (properties.createBucket()) {
                store.createBucketIfMissing(properties.region());
            }
            return store;
        }

        @Bean
        ResumeArchive resumeArchive(S3Client resumeS3Client, S3StorageProperties properties) {
            String storageClass = properties.archiveStorageClass();
            S3ResumeFileStore store = new S3ResumeFileStore(resumeS3Client, properties.archiveBucketOrDefault(),
                properties.archivePrefix(), storageClass == null || storageClass.isBlank() ? null : StorageClass.fromValue(
                    storageClass.strip()));
            if (properties.createBucket() && !properties.archiveBucketOrDefault().equals(properties.bucket())) {
                store.createBucketIfMissing(properties.region());
            }
            return new ResumeArchive(store);
        }

        static S3Client client(S3StorageProperties properties) {
            boolean required = properties.checksums() == RequestChecksumCalculation.WHEN_REQUIRED;
            S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(properties.region()))
                .credentialsProvider(credentials(properties))
                .forcePathStyle(properties.pathStyleAccess())
                .requestChecksumCalculation(properties.checksums())
                .responseChecksumValidation(required ? ResponseChecksumValidation.WHEN_REQUIRED
                    : ResponseChecksumValidation.WHEN_SUPPORTED)
                .overrideConfiguration(o -> o.apiCallTimeout(properties.apiCallTimeout()))
                .httpClientBuilder(withTimeouts(properties));
            if (properties.endpoint() != null) {
                builder.endpointOverride(properties.endpoint());
            }
            return builder.build();
        }

        private static AwsCredentialsProvider credentials(S3StorageProperties properties) {
            if (properties.hasStaticCredentials()) {
                return StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKey(),
                    properties.secretKey()));
            }
            return DefaultCredentialsProvider.builder().build();
        }

        /**
         * The SDK's HTTP client (whichever implementation is on the class path: Apache 5 with the s3 module) with our
         * connect and read timeouts over the SDK's defaults; the SDK builds it, and closes it with the S3Client.
         */
        @SuppressWarnings({ "rawtypes", "unchecked" })
        private static SdkHttpClient.Builder withTimeouts(S3StorageProperties properties) {
            SdkHttpClient.Builder http = ServiceLoader.load(SdkHttpService.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No AWS SDK HTTP client on the class path "
                    + "(software.amazon.awssdk:apache5-client comes with software.amazon.awssdk:s3)"))
                .createHttpClientBuilder();
            AttributeMap timeouts = AttributeMap.builder()
                .put(SdkHttpConfigurationOption.CONNECTION_TIMEOUT, properties.connectTimeout())
                .put(SdkHttpConfigurationOption.READ_TIMEOUT, properties.readTimeout())
                .put(SdkHttpConfigurationOption.WRITE_TIMEOUT, properties.readTimeout())
                .build();
            return new SdkHttpClient.Builder() {
                @Override
                public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
                    return http.buildWithDefaults(timeouts.merge(serviceDefaults));
                }
            };
        }
    }
}
