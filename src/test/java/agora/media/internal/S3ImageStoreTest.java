package agora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Object;

import agora.test.S3rverProcess;

/** The S3 store against a real S3-compatible server (s3rver), built the way the application builds it. */
@EnabledIf(value = "agora.test.S3rverProcess#available",
        disabledReason = "s3rver is not installed (npm ci --prefix ops/s3, or AGORA_TEST_S3RVER)")
class S3ImageStoreTest extends ImageStoreContract {

    static S3rverProcess server;
    static S3Client s3;
    static S3ImageStore store;

    static StorageProperties.S3 settings(String endpoint, String bucket) {
        return new StorageProperties.S3(URI.create(endpoint), "us-east-1", bucket, S3rverProcess.ACCESS_KEY,
                S3rverProcess.SECRET_KEY, true, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = S3rverProcess.start();
        var settings = settings(server.endpoint(), "images");
        s3 = StorageConfiguration.s3Client(settings);
        store = new S3ImageStore(StorageConfiguration.s3Client(settings), "images");
        store.createBucketIfMissing();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            store.close();
            s3.close();
            server.close();
        }
    }

    @Override
    ImageStore store() {
        return store;
    }

    @Test
    void theContentTypeGoesWithTheObject() {
        store.put(image + "/480.webp", bytes("webp"), "image/webp");

        var head = s3.headObject(b -> b.bucket("images").key(image + "/480.webp"));

        assertThat(head.contentType()).isEqualTo("image/webp");
    }

    @Test
    void theKeyIsTheObjectsKey() {
        store.put(image + "/480.jpg", bytes("480"), "image/jpeg");

        assertThat(s3.listObjectsV2(b -> b.bucket("images").prefix(image + "/")).contents())
                .extracting(S3Object::key).containsExactly(image + "/480.jpg");
    }

    @Test
    void aBucketThatIsThereIsKept() {
        store.put(image + "/480.jpg", bytes("480"), "image/jpeg");

        store.createBucketIfMissing();

        assertThat(store.get(image + "/480.jpg")).hasValue(bytes("480"));
    }

    @Test
    void aBucketOutsideUsEast1IsMadeInItsRegion() {
        var settings = new StorageProperties.S3(URI.create(server.endpoint()), "eu-west-1", "elsewhere",
                S3rverProcess.ACCESS_KEY, S3rverProcess.SECRET_KEY, true, Duration.ofSeconds(2), Duration.ofSeconds(10));
        try (var elsewhere = new S3ImageStore(StorageConfiguration.s3Client(settings), "elsewhere")) {
            elsewhere.createBucketIfMissing();
            elsewhere.put("img_x/480.jpg", bytes("480"), "image/jpeg");

            assertThat(elsewhere.get("img_x/480.jpg")).hasValue(bytes("480"));
        }
    }

    @Test
    void nodesRacingToCreateTheBucketAllStart() throws Exception {
        var settings = settings(server.endpoint(), "raced");
        var together = new CyclicBarrier(6);
        var failures = Collections.synchronizedList(new ArrayList<Throwable>());
        var nodes = new ArrayList<Thread>();
        for (var i = 0; i < 6; i++) {
            nodes.add(Thread.ofPlatform().start(() -> {
                try (var node = new S3ImageStore(StorageConfiguration.s3Client(settings), "raced")) {
                    together.await();
                    node.createBucketIfMissing();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (var node : nodes) {
            node.join();
        }

        assertThat(failures).isEmpty();
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains("raced");
    }
}
