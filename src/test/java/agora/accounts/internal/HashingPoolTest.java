package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import agora.platform.ApiException;

class HashingPoolTest {

    static HashingPool pool(int threads, Duration wait) {
        var password = new AuthProperties.Password(19456, 2, 1, threads, wait);
        return new HashingPool(new AuthProperties(null, null, null, null, password, null, null, null));
    }

    @Test
    void hashesOnPlatformThreadsOfItsOwnWhileTheCallerWaits() throws Exception {
        try (var pool = pool(2, Duration.ofSeconds(1)); var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var thread = callers.submit(() -> pool.run(Thread::currentThread)).get();
            assertThat(thread.isVirtual()).isFalse();
            assertThat(thread.getName()).startsWith("password-hashing-");
        }
    }

    @Test
    void oneThreadPerAvailableProcessorUnlessConfigured() {
        assertThat(new AuthProperties.Password(19456, 2, 1, 0, Duration.ofSeconds(2)).hashingThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(new AuthProperties.Password(19456, 2, 1, 3, Duration.ofSeconds(2)).hashingThreads()).isEqualTo(3);
    }

    @Test
    void runsNoMoreHashesAtOnceThanItHasThreads() throws Exception {
        var running = new AtomicInteger();
        var most = new AtomicInteger();
        try (var pool = pool(2, Duration.ofSeconds(30)); var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var results = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 12; i++) {
                results.add(callers.submit(() -> pool.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(Duration.ofMillis(30));
                    return running.decrementAndGet();
                })));
            }
            for (var result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void aHashThatCannotStartWithinTheWaitIsRefusedWith503AndRetryAfter() throws Exception {
        var release = new CountDownLatch(1);
        var started = new CountDownLatch(1);
        try (var pool = pool(1, Duration.ofMillis(300)); var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var busy = callers.submit(() -> pool.run(() -> {
                started.countDown();
                await(release);
                return "done";
            }));
            started.await();

            long start = System.nanoTime();
            assertThatThrownBy(() -> pool.run(() -> "too late")).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(e.kind()).isEqualTo("unavailable");
                assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(300));
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));

            release.countDown();
            assertThat(busy.get(10, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(pool.run(() -> "again")).isEqualTo("again");
        }
    }

    @Test
    void aFailingHashFailsItsCallerAndFreesItsThread() {
        try (var pool = pool(1, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> pool.run(() -> {
                throw new IllegalArgumentException("not a hash");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("not a hash");
            assertThat(pool.run(() -> "next")).isEqualTo("next");
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
