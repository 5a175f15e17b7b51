package agora.media.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import agora.platform.ApiException;

/**
 * Objects in one bucket of S3-compatible object storage, the key as the object's key. Every node sees every file,
 * and S3 makes a written object visible to all readers at once, whole.
 */
class S3ImageStore implements ImageStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3ImageStore.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final S3Client s3;
    private final String bucket;

    S3ImageStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * Creates the bucket unless it is there. Nodes starting together may race to create it: whoever loses is fine
     * as long as the bucket, whoever made it, can be reached with our credentials.
     */
    void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return;
        } catch (NoSuchBucketException e) {
            // created below
        }
        // AWS wants the bucket's region named, except for us-east-1, where it refuses it
        var region = s3.serviceClientConfiguration().region();
        var where = Region.US_EAST_1.equals(region) ? null
                : CreateBucketConfiguration.builder().locationConstraint(region.id()).build();
        try {
            s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(where));
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException e) {
            // S3 says BucketAlreadyExists also for a name taken by another account: then this fails, as it should
            s3.headBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        call("put", key, () -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromBytes(bytes)));
    }

    @Override
    public Optional<byte[]> get(String key) {
        return call("get", key, () -> {
            try {
                return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            } catch (S3Exception e) {
                // some S3-compatible servers answer a bare 404 without the NoSuchKey code
                if (e.statusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public void delete(String key) {
        // S3 answers 204 for a key that is not there, as for one that was
        call("delete", key, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    /**
     * S3 not answering (refused, timed out) or failing on its side is a dependency down: 503 with Retry-After, and a
     * warning for the operator, rather than a 500. S3 refusing us (403, a bad request) stays an error of ours.
     */
    private <T> T call(String operation, String key, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkClientException | S3Exception e) {
            if (e instanceof S3Exception refused && refused.statusCode() < 500) {
                throw refused;
            }
            log.warn("S3 {} of {} in bucket {} failed: {}", operation, key, bucket, e.toString());
            throw ApiException.unavailable("image storage cannot be reached; try again shortly", RETRY_AFTER);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
