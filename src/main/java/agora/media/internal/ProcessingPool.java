package agora.media.internal;

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
 * Where every upload is decoded and re-encoded: a few platform threads (one per core by default), so a burst of
 * uploads holds at most that many decoded pictures (up to {@code max-pixels} x 4 bytes each) in memory at a time,
 * and the carriers of the virtual threads stay free to serve other requests meanwhile. An upload that cannot
 * start within {@code agora.media.processing.max-wait} is refused with 503 and Retry-After.
 */
@Component
class ProcessingPool implements AutoCloseable {

    private final ExecutorService threads;
    /** One permit per thread, handed out first come, first served: holding one means a thread is free. */
    private final Semaphore starts;
    private final Duration wait;

    ProcessingPool(MediaProperties properties) {
        var settings = properties.processing();
        this.threads = Executors.newFixedThreadPool(settings.concurrency(),
                Thread.ofPlatform().name("image-processing-", 0).daemon(true).factory());
        this.starts = new Semaphore(settings.concurrency(), true);
        this.wait = settings.maxWait();
    }

    /** Runs {@code work} on the pool and answers its result; 503 when it cannot start within the wait. */
    <T> T run(Supplier<T> work) {
        try {
            if (!starts.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw ApiException.unavailable("too many images are being processed; try again shortly", wait);
            }
            var result = threads.submit(() -> {
                try {
                    return work.get();
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
            throw new IllegalStateException("interrupted while waiting for an image to be processed", e);
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
