package agora.media.internal;

import java.util.ArrayList;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The image store that {@code agora.storage.type} names. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

    @Bean
    @ConditionalOnProperty(name = "agora.storage.type", havingValue = "filesystem", matchIfMissing = true)
    ImageStore fileSystemImageStore(StorageProperties properties) {
        return new FileSystemImageStore(properties.directory());
    }

    /** Refuses to start without its settings or its bucket, so a misconfigured node never takes traffic. */
    @Bean
    @ConditionalOnProperty(name = "agora.storage.type", havingValue = "s3")
    ImageStore s3ImageStore(StorageProperties properties) {
        var settings = properties.s3();
        var store = new S3ImageStore(s3Client(settings), settings.bucket());
        try {
            store.createBucketIfMissing();
        } catch (SdkException e) {
            store.close();
            throw new IllegalStateException("agora.storage.type=s3: the bucket " + settings.bucket() + " at "
                    + (hasEndpoint(settings) ? settings.endpoint() : "AWS " + settings.region())
                    + " can be neither reached nor created: " + e.getMessage(), e);
        }
        return store;
    }

    static S3Client s3Client(StorageProperties.S3 settings) {
        requireComplete(settings);
        var client = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider
                        .create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .forcePathStyle(settings.pathStyle())
                // Images are in memory whole: their hash is signed at once, rather than chunk by chunk in the
                // aws-chunked encoding that some S3-compatible servers (s3rver) store as part of the object.
                .serviceConfiguration(s -> s.chunkedEncodingEnabled(false))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.callTimeout()))
                .overrideConfiguration(o -> o.apiCallTimeout(settings.callTimeout()))
                // Since SDK 2.30 every call carries the new CRC checksums, which many S3-compatible servers (Ceph,
                // GCS, older MinIO) reject; TLS, or over plain HTTP the signed payload hash, guards the bytes.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (hasEndpoint(settings)) {
            client.endpointOverride(settings.endpoint());
        }
        return client.build();
    }

    private static boolean hasEndpoint(StorageProperties.S3 settings) {
        return settings.endpoint() != null && !settings.endpoint().toString().isBlank();
    }

    private static void requireComplete(StorageProperties.S3 settings) {
        var missing = new ArrayList<String>();
        if (isBlank(settings.region())) {
            missing.add("agora.storage.s3.region (AGORA_STORAGE_S3_REGION)");
        }
        if (isBlank(settings.bucket())) {
            missing.add("agora.storage.s3.bucket (AGORA_STORAGE_S3_BUCKET)");
        }
        if (isBlank(settings.accessKey())) {
            missing.add("agora.storage.s3.access-key (AGORA_STORAGE_S3_ACCESSKEY)");
        }
        if (isBlank(settings.secretKey())) {
            missing.add("agora.storage.s3.secret-key (AGORA_STORAGE_S3_SECRETKEY)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("agora.storage.type=s3 needs " + String.join(", ", missing));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
