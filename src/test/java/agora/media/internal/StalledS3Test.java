package agora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * An S3 that takes connections and never answers (a stalled server, a black-holing proxy) fails a call after the
 * call timeout, and a node's start-up with it, rather than holding them.
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

    @Test
    void aCallFailsAfterTheCallTimeout() {
        var settings = new StorageProperties.S3(URI.create(endpoint()), "us-east-1", "images", "key", "secret", true,
                Duration.ofSeconds(1), CALL_TIMEOUT);
        try (var store = new S3ImageStore(StorageConfiguration.s3Client(settings), "images")) {
            var start = System.nanoTime();
            assertThatThrownBy(() -> store.get("img_x/480.jpg")).isInstanceOf(SdkException.class);
            assertThatThrownBy(() -> store.put("img_x/480.jpg", new byte[10_000], "image/jpeg"))
                    .isInstanceOf(SdkException.class);
            var took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(CALL_TIMEOUT.multipliedBy(2)).isLessThan(Duration.ofSeconds(6));
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
