package agora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpStatus;

import software.amazon.awssdk.core.exception.SdkException;

import agora.platform.ApiException;

/**
 * An S3 that takes connections and never answers (a stalled server, a black-holing proxy) fails a call after the
 * call timeout, and a node's start-up with it, rather than holding them; one that is not there fails at once. A call
 * that fails so is a dependency down (503), not an error of ours.
 */
class StalledS3Test {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);

    /** Never accepts: the kernel completes the handshakes into its backlog, and nobody ever reads a request. */
    ServerSocket silent;

    @BeforeEach
    void listenWithoutAnswering() throws Exception {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws Exception {
        silent.close();
    }

    String endpoint() {
        return "http://127.0.0.1:" + silent.getLocalPort();
    }

    static S3ImageStore store(String endpoint, Duration callTimeout) {
        return new S3ImageStore(StorageConfiguration.s3Client(new StorageProperties.S3(URI.create(endpoint),
                "us-east-1", "images", "key", "secret", true, Duration.ofSeconds(1), callTimeout)), "images");
    }

    static void assertUnavailable(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }

    @Test
    void aCallFailsAfterTheCallTimeoutAsADependencyDown() {
        try (var store = store(endpoint(), CALL_TIMEOUT)) {
            var start = System.nanoTime();
            assertUnavailable(() -> store.get("img_x/480.jpg"));
            assertUnavailable(() -> store.put("img_x/480.jpg", new byte[10_000], "image/jpeg"));
            assertUnavailable(() -> store.delete("img_x/480.jpg"));
            var took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(CALL_TIMEOUT.multipliedBy(3)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void anS3ThatIsNotThereFailsAtOnce() throws Exception {
        var gone = endpoint();
        silent.close();
        // a long call timeout, which a refused connection never waits for
        try (var store = store(gone, Duration.ofSeconds(20))) {
            var start = System.nanoTime();
            assertUnavailable(() -> store.get("img_x/480.jpg"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aNodeDoesNotStartWithItAndSaysWhy() {
        var start = System.nanoTime();
        new ApplicationContextRunner().withUserConfiguration(StorageConfiguration.class)
                .withPropertyValues("agora.storage.type=s3", "agora.storage.s3.endpoint=" + endpoint(),
                        "agora.storage.s3.region=us-east-1", "agora.storage.s3.bucket=images",
                        "agora.storage.s3.access-key=key", "agora.storage.s3.secret-key=secret",
                        "agora.storage.s3.path-style=true", "agora.storage.s3.connect-timeout=1s",
                        "agora.storage.s3.call-timeout=" + CALL_TIMEOUT.toMillis() + "ms")
                .run(context -> assertThat(context).getFailure()
                        .hasRootCauseInstanceOf(SdkException.class)
                        .hasStackTraceContaining(
                                "the bucket images at " + endpoint() + " can be neither reached nor created"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }
}
