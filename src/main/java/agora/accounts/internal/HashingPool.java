package agora.accounts.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import agora.platform.ApiException;

/**
 * Where every password hash runs: a few platform threads (one per core by default), so a burst of logins costs
 * at most that many hashes' CPU and memory (19 MiB each) at a time, and the carriers of the virtual threads stay
 * free to serve other requests meanwhile. A hash that cannot start within {@code hashing-wait} is refused with
 * 503 and Retry-After: load is shed, not queued without bound.
 */
@Component
class HashingPool implements AutoCloseable {

    private final ExecutorService threads;
    /** One permit per thread, handed out first come, first served: holding one means a thread is free. */
    private final Semaphore starts;
    private final Duration wait;

    HashingPool(AuthProperties properties) {
        var settings = properties.password();
        this.threads = Executors.newFixedThreadPool(settings.hashingThreads(),
                Thread.ofPlatform().name("password-hashing-", 0).daemon(true).factory());
        this.starts = new Semaphore(settings.hashingThreads(), true);
        this.wait = settings.hashingWait();
    }

    /** Runs the hash on the pool and answers its result; 503 when it cannot start within the wait. */
    <T> T run(Supplier<T> hash) {
        try {
            if (!starts.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw ApiException.unavailable("too many password checks at once; try again shortly", wait);
            }
            var result = threads.submit(() -> {
                try {
                    return hash.get();
                } finally {
                    starts.release();
                }
            });
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a password hash", e);
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
