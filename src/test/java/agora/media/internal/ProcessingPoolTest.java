package agora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import agora.platform.ApiException;

class ProcessingPoolTest {

    static MediaProperties settings(int concurrency, Duration wait) {
        return new MediaProperties(DataSize.ofMegabytes(10), 50_000_000, 100, Duration.ofDays(1), Duration.ofMinutes(10),
                new MediaProperties.Processing(concurrency, wait));
    }

    @Test
    void anUploadThatCannotStartWithinTheWaitIsRefusedWith503AndRetryAfter() throws Exception {
        try (var pool = new ProcessingPool(settings(1, Duration.ofMillis(100)));
                var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var started = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var busy = callers.submit(() -> pool.run(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "first";
            }));
            started.await();
            assertThatThrownBy(() -> pool.run(() -> "second")).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status().value()).isEqualTo(503);
                assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(100));
            });
            release.countDown();
            assertThat(busy.get()).isEqualTo("first");
            assertThat(pool.run(() -> "third")).isEqualTo("third");
        }
    }

    @Test
    void failuresOfTheWorkReachTheCallerAsThemselves() {
        try (var pool = new ProcessingPool(settings(0, Duration.ofSeconds(1)))) {
            assertThatThrownBy(() -> pool.run(() -> {
                throw ApiException.invalid("file", "is damaged");
            })).isInstanceOf(ApiException.class).hasMessage("file is damaged");
        }
    }
}
