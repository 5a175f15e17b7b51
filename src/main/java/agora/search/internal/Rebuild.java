package agora.search.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import agora.platform.ReplicaReads;

/**
 * A full rebuild: streams every source from its module in id order, in pages, into a new index beside the
 * live one (which keeps answering and keeping current), catches the new one up with the changes made
 * meanwhile, and hands it to the sync thread, which swaps it in atomically. Progress is logged and shown by
 * {@link #status()}. One rebuild at a time. The sources are read from the read replica when it has replayed
 * everything up to where the change log stood at the start (else from the primary), so the catching up misses nothing.
 */
@Component
public class Rebuild implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final double RAM_BUFFER_MB = 256;

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public record Status(State state, String reason, Instant startedAt, Instant finishedAt, long documents,
            Map<String, Long> bySource, long documentsPerSecond, String error) {
    }

    private final SearchIndex index;
    private final ChangeLog changes;
    private final SearchProperties properties;
    private final ReplicaReads replica;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Status> status = new AtomicReference<>(
            new Status(State.IDLE, null, null, null, 0, Map.of(), 0, null));
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private volatile Thread thread;
    private volatile boolean stopping;
    private volatile boolean running;
    private boolean startedOnce;

    Rebuild(SearchIndex index, ChangeLog changes, SearchProperties properties, ReplicaReads replica) {
        this.index = index;
        this.changes = changes;
        this.properties = properties;
        this.replica = replica;
    }

    /** Starts a rebuild in the background; false if one is running already. */
    public synchronized boolean begin(String reason) {
        if (thread != null && thread.isAlive()) {
            return false;
        }
        stopping = false;
        counts.clear();
        var startedAt = clock.instant();
        status.set(new Status(State.RUNNING, reason, startedAt, null, 0, Map.of(), 0, null));
        log.info("Search index rebuild started: {}", reason);
        thread = Thread.ofPlatform().name("search-rebuild").daemon().start(() -> run(reason, startedAt));
        return true;
    }

    public Status status() {
        var current = status.get();
        if (current.state() != State.RUNNING) {
            return current;
        }
        var documents = counts.values().stream().mapToLong(AtomicLong::get).sum();
        return new Status(State.RUNNING, current.reason(), current.startedAt(), null, documents, bySource(),
                rate(documents, current.startedAt(), clock.instant()), null);
    }

    boolean isBusy() {
        return status.get().state() == State.RUNNING;
    }

    private void run(String reason, Instant startedAt) {
        Exception failure = null;
        try {
            build();
        } catch (Exception e) {
            failure = e;
        }
        var finishedAt = clock.instant();
        var documents = counts.values().stream().mapToLong(AtomicLong::get).sum();
        var rate = rate(documents, startedAt, finishedAt);
        if (failure == null) {
            log.info("Search index rebuild done: {} documents {} in {} s ({} documents/s)", documents, bySource(),
                    Duration.between(startedAt, finishedAt).toSeconds(), rate);
            status.set(new Status(State.DONE, reason, startedAt, finishedAt, documents, bySource(), rate, null));
        } else {
            if (!stopping) {
                log.error("Search index rebuild failed; the previous index stays in use", failure);
            }
            status.set(new Status(State.FAILED, reason, startedAt, finishedAt, documents, bySource(), rate,
                    stopping ? "stopped by shutdown" : failure.toString()));
        }
    }

    private void build() throws IOException, InterruptedException, ExecutionException {
        var position = changes.latestId(); // every change up to here is in what the sources answer from now on
        var seen = replica.position(); // taken after the change log's position, so the reads after it see it all
        var path = index.files().newGeneration();
        var handle = IndexHandle.create(path, RAM_BUFFER_MB);
        var handedOver = false;
        var threads = Math.max(1, properties.indexThreads());
        ExecutorService workers = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("search-index-", 0).daemon().factory());
        try {
            var inFlight = new Semaphore(threads * 2);
            var failure = new AtomicReference<Throwable>();
            var lastLog = new AtomicReference<>(clock.instant());
            for (var source : index.sources()) {
                var count = counts.computeIfAbsent(source.name(), n -> new AtomicLong());
                var after = 0L;
                while (true) {
                    check(failure);
                    var from = after;
                    var page = replica.after(seen, () -> source.listAfter(from, properties.rebuildBatchSize()));
                    inFlight.acquire();
                    workers.execute(() -> {
                        try {
                            handle.add(source.name(), page.documents());
                            count.addAndGet(page.documents().size());
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            inFlight.release();
                        }
                    });
                    logProgress(lastLog);
                    if (!page.more()) {
                        break;
                    }
                    after = page.lastId();
                }
            }
            inFlight.acquire(threads * 2);
            check(failure);
            // what is still buffered is written by every worker at once, not by the one thread that commits
            var flushes = new ArrayList<Future<?>>();
            for (var t = 0; t < threads; t++) {
                flushes.add(workers.submit(() -> {
                    handle.flushBuffer();
                    return null;
                }));
            }
            for (var flush : flushes) {
                flush.get();
            }
            handle.endBulk();
            var target = new IndexTarget(handle, new ChangeCursor(position, properties.changeGapTimeout()));
            index.catchUp(target);
            check(failure);
            handedOver = true;
            index.handOver(target).get();
        } finally {
            workers.shutdownNow();
            if (!handedOver) {
                handle.close();
                IndexFiles.delete(path);
            }
        }
    }

    private void check(AtomicReference<Throwable> failure) throws IOException {
        if (stopping) {
            throw new IOException("stopped by shutdown");
        }
        var e = failure.get();
        if (e != null) {
            throw new IOException("indexing failed: " + e, e);
        }
    }

    private void logProgress(AtomicReference<Instant> lastLog) {
        var now = clock.instant();
        if (now.isAfter(lastLog.get().plus(LOG_EVERY))) {
            lastLog.set(now);
            var current = status();
            log.info("Search index rebuild: {} documents so far {} ({} documents/s)", current.documents(),
                    current.bySource(), current.documentsPerSecond());
        }
    }

    private Map<String, Long> bySource() {
        var bySource = new LinkedHashMap<String, Long>();
        index.sources().forEach(source -> {
            var count = counts.get(source.name());
            if (count != null) {
                bySource.put(source.name(), count.get());
            }
        });
        return bySource;
    }

    private static long rate(long documents, Instant from, Instant to) {
        var millis = Math.max(1, Duration.between(from, to).toMillis());
        return documents * 1000 / millis;
    }

    // ---- lifecycle: starts after the live index opened (rebuilding it if it must), stops before it closes ----

    /** At start-up (and at every restart of the node's lifecycle): rebuild if the index is missing, unreadable or outdated. */
    @Override
    public void start() {
        running = true;
        var reason = index.rebuildReason();
        if (reason.isEmpty() && properties.reindexOnStart() && !startedOnce) {
            reason = java.util.Optional.of("asked for at start-up (agora.search.reindex-on-start)");
        }
        startedOnce = true;
        reason.ifPresent(this::begin);
    }

    @Override
    public void stop() {
        running = false;
        stopping = true;
        var current = thread;
        if (current != null) {
            try {
                current.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SearchIndex.PHASE + 1;
    }
}
