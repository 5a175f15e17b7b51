package agora.platform;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A few platform threads for work that is heavy on CPU or memory (password hashes, image decoding): a burst costs
 * at most that many pieces of work at a time, and the carriers of the virtual threads stay free to serve other
 * requests meanwhile. Work that cannot start within the wait is refused with 503 and Retry-After: load is shed,
 * not queued without bound.
 */
public class BoundedPool implements AutoCloseable {

    private final ExecutorService threads;
    /** One permit per thread, handed out first come, first served: holding one means a thread is free. */
    private final Semaphore starts;
    private final Duration wait;
    private final String busy;

    /**
     * @param name the threads' name prefix
     * @param busy the 503's detail when work cannot start within {@code wait}
     */
    protected BoundedPool(String name, int size, Duration wait, String busy) {
        this.threads = Executors.newFixedThreadPool(size, Thread.ofPlatform().name(name, 0).daemon(true).factory());
        this.starts = new Semaphore(size, true);
        this.wait = wait;
        this.busy = busy;
    }

    /** Runs {@code work} on the pool and answers its result; 503 when it cannot start within the wait. */
    public <T> T run(Supplier<T> work) {
        try {
            if (!starts.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw ApiException.unavailable(busy, wait);
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
            throw new IllegalStateException("interrupted while waiting for " + busy, e);
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
