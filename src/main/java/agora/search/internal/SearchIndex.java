package agora.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.suggest.document.SuggestIndexSearcher;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import agora.platform.Broadcast;

/**
 * The index this node searches, kept current by one thread that tails the change log. It wakes when a local
 * listener records a change (so local changes are searchable in milliseconds), when another node announces
 * changes on the cluster broadcast, and at least every poll interval (in case an announcement was lost).
 * A pass that follows local changes announces them once, after they committed: one notification per pass
 * rather than one per content transaction, whose commits would all queue for PostgreSQL's notify lock.
 * Applied changes become visible by a near-real-time reader reopen; they are committed (made durable, with
 * the change-log position) every commit interval and at shutdown, and replayed from the last commit after a
 * crash.
 */
@Component
public class SearchIndex implements SmartLifecycle {

    static final int PHASE = 0;
    static final String TOPIC = "search";
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final String SCHEMA = "agora.search.schema";
    private static final String POSITION = "agora.search.position";
    private static final String COMMITTED_AT = "agora.search.committedAt";
    private static final double LIVE_RAM_BUFFER_MB = 64;

    private final Map<String, ContentSource> sources;
    private final ChangeLog changes;
    private final ChangeReplay replay;
    private final SearchProperties properties;
    private final IndexFiles files;
    private final Broadcast broadcast;
    private final Clock clock;
    private final Clock wallClock = Clock.systemUTC();

    private final Semaphore wake = new Semaphore(0);
    private final AtomicBoolean changedHere = new AtomicBoolean();
    private final AtomicReference<Handover> handover = new AtomicReference<>();
    private volatile CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private volatile IndexTarget live;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile String rebuildReason;
    private volatile Instant lastSyncAt;
    private Instant lastHousekeeping = Instant.EPOCH;

    private record Handover(IndexTarget target, CompletableFuture<Void> done) {
    }

    SearchIndex(List<ContentSource> sources, ChangeLog changes, SearchProperties properties, Broadcast broadcast,
            Clock clock) {
        this.sources = sources.stream().collect(Collectors.toMap(ContentSource::name, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two search sources are named " + a.name());
                }, LinkedHashMap::new));
        this.changes = changes;
        this.replay = new ChangeReplay(this.sources, changes, wallClock);
        this.properties = properties;
        this.files = new IndexFiles(properties.indexRoot());
        this.broadcast = broadcast;
        this.clock = clock;
        broadcast.subscribe(TOPIC, new Broadcast.Listener() {
            @Override
            public void received(String message) {
                wake.release();
            }

            @Override
            public void missed() {
                wake.release();
            }
        });
    }

    List<ContentSource> sources() {
        return List.copyOf(sources.values());
    }

    IndexFiles files() {
        return files;
    }

    // ---- searching -----------------------------------------------------------------------------------

    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(SuggestIndexSearcher searcher) throws IOException;
    }

    /** Runs work on the latest searcher; a swap in the middle is harmless (the old reader stays open until released). */
    public <T> T withSearcher(SearcherWork<T> work) throws IOException {
        while (true) {
            var target = live;
            IndexSearcher searcher;
            try {
                searcher = target.handle.searchers().acquire();
            } catch (AlreadyClosedException swapped) {
                if (target == live) {
                    throw swapped;
                }
                continue;
            }
            try {
                return work.apply((SuggestIndexSearcher) searcher);
            } finally {
                target.handle.searchers().release(searcher);
            }
        }
    }

    // ---- lifecycle -----------------------------------------------------------------------------------

    /** Opens the index (at start-up, and again when a stopped node's lifecycle restarts) and starts keeping it current. */
    @Override
    public void start() {
        caughtUp = new CompletableFuture<>();
        rebuildReason = null;
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), QueryPlan.MAX_CLAUSES));
        var current = files.current();
        files.removeAllBut(current);
        IndexTarget opened = null;
        if (current.isEmpty()) {
            rebuildReason = "there is no index yet";
        } else {
            try {
                opened = open(current.get());
            } catch (LockObtainFailedException e) {
                throw new IllegalStateException("the search index in " + current.get() + " is used by another "
                        + "process; every node needs its own agora.data-dir", e);
            } catch (IOException | RuntimeException e) {
                log.warn("Search index in {} cannot be read ({}); it will be rebuilt", current.get(), e.toString());
                rebuildReason = "the index could not be read";
            }
        }
        if (opened == null) {
            try {
                opened = new IndexTarget(IndexHandle.inMemory(),
                        new ChangeCursor(changes.latestId(), properties.changeGapTimeout()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        live = opened;
        changes.onRecorded(() -> {
            changedHere.set(true);
            wake.release();
        });
        running = true;
        thread = Thread.ofPlatform().name("search-sync").daemon().start(this::loop);
    }

    /** The index in {@code path}, or null when it has another layout (then it is rebuilt, never read). */
    private IndexTarget open(java.nio.file.Path path) throws IOException {
        var handle = IndexHandle.open(path, LIVE_RAM_BUFFER_MB);
        try {
            var data = handle.commitData();
            if (!data.containsKey(POSITION)) {
                throw new IOException("its commit carries no change-log position");
            }
            if (!sameLayout(data.get(SCHEMA))) {
                // queries of this version would find nothing (or the wrong things) in fields laid out otherwise
                log.info("Search index in {} has another layout ({}); it is not read, but rebuilt", path,
                        data.get(SCHEMA));
                rebuildReason = "it was built with another layout";
                handle.close();
                return null;
            }
            var target = new IndexTarget(handle, new ChangeCursor(Long.parseLong(data.get(POSITION)),
                    properties.changeGapTimeout()));
            var committedAt = Instant.ofEpochMilli(Long.parseLong(data.getOrDefault(COMMITTED_AT, "0")));
            if (!signature().equals(data.get(SCHEMA))) {
                rebuildReason = "its layout or its sources changed";
            } else if (committedAt.isBefore(clock.instant().minus(properties.changeRetention()))) {
                rebuildReason = "it is older than the change log";
            }
            log.info("Search index opened from {}: {} documents at change {}", path, handle.documents(),
                    target.cursor.position());
            return target;
        } catch (IOException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        var syncThread = thread;
        if (syncThread != null) {
            try {
                syncThread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var pending = handover.getAndSet(null);
        if (pending != null) {
            discard(pending.target());
            pending.done().cancel(false);
        }
        var target = live;
        try {
            commit(target);
        } catch (IOException | RuntimeException e) {
            log.warn("Search index could not be committed at shutdown ({}); it will catch up at the next start", e.toString());
        }
        try {
            target.handle.close();
        } catch (IOException e) {
            log.warn("Search index could not be closed: {}", e.toString());
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Why the index must be rebuilt at start-up, if it must. */
    Optional<String> rebuildReason() {
        return Optional.ofNullable(rebuildReason);
    }

    /** Completes once the index has read the change log up to its end after start-up. */
    CompletableFuture<Void> caughtUp() {
        return caughtUp;
    }

    // ---- keeping current -----------------------------------------------------------------------------

    private void loop() {
        var failures = 0;
        var lastPass = 0L;
        while (running) {
            try {
                wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                var sinceLast = System.nanoTime() - lastPass;
                Thread.sleep(Math.max(0, (properties.refreshInterval().toNanos() - sinceLast) / 1_000_000));
                wake.drainPermits();
                lastPass = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!running) {
                return;
            }
            try {
                // Local changes have committed (they woke us after commit): other nodes can read them now.
                if (changedHere.getAndSet(false)) {
                    broadcast.send(TOPIC, "changed");
                }
                tick();
                failures = 0;
            } catch (Exception e) {
                failures++;
                log.warn("Search index sync failed (attempt {}), retrying: {}", failures, e.toString());
                sleep(Math.min(5_000, 200L * failures));
            }
        }
    }

    private void tick() throws IOException {
        var candidate = handover.getAndSet(null);
        if (candidate != null) {
            swapIn(candidate);
        }
        catchUp(live);
        caughtUp.complete(null);
        lastSyncAt = wallClock.instant();
        maybeCommit(live);
        if (!wallClock.instant().isBefore(lastHousekeeping.plus(properties.housekeepingInterval()))) {
            lastHousekeeping = wallClock.instant();
            housekeeping();
        }
    }

    /** Applies every change after the target's position; answers how many were applied. */
    int catchUp(IndexTarget target) throws IOException {
        return replay.catchUp(target);
    }

    private void maybeCommit(IndexTarget target) throws IOException {
        var changed = target.dirty || target.cursor.position() != target.committedPosition;
        if (changed && !wallClock.instant().isBefore(target.committedAt.plus(properties.commitInterval()))) {
            commit(target);
        }
    }

    /** Makes the target durable with its position; in-memory indexes have nothing to keep. */
    void commit(IndexTarget target) throws IOException {
        if (target.handle.path() == null) {
            return;
        }
        var data = new HashMap<String, String>();
        data.put(SCHEMA, signature());
        data.put(POSITION, Long.toString(target.cursor.position()));
        data.put(COMMITTED_AT, Long.toString(clock.instant().toEpochMilli()));
        target.handle.commit(data);
        target.dirty = false;
        target.committedPosition = target.cursor.position();
        target.committedAt = wallClock.instant();
    }

    /** Whether an index with this signature has the layout this version reads (its sources may differ). */
    static boolean sameLayout(String signature) {
        return signature != null && signature.startsWith("v" + IndexSchema.VERSION + ";");
    }

    /** What an index was built for: the layout version and every source with its version. */
    private String signature() {
        return "v" + IndexSchema.VERSION + ";" + sources.values().stream().map(s -> s.name() + ":" + s.version())
                .sorted().collect(Collectors.joining(","));
    }

    // ---- swapping in a rebuilt index -----------------------------------------------------------------

    /** Hands a rebuilt index to the sync thread, which catches it up, swaps it in and closes the old one. */
    CompletableFuture<Void> handOver(IndexTarget target) {
        var done = new CompletableFuture<Void>();
        var previous = handover.getAndSet(new Handover(target, done));
        if (previous != null) {
            discard(previous.target());
            previous.done().cancel(false);
        }
        wake.release();
        return done;
    }

    private void swapIn(Handover candidate) {
        var target = candidate.target();
        try {
            catchUp(target);
            target.handle.refresh();
            commit(target);
            files.makeCurrent(target.handle.path());
        } catch (IOException | RuntimeException e) {
            discard(target);
            candidate.done().completeExceptionally(e);
            return;
        }
        var old = live;
        live = target;
        rebuildReason = null;
        discard(old);
        candidate.done().complete(null);
    }

    private void discard(IndexTarget target) {
        try {
            target.handle.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Closing a search index failed: {}", e.toString());
        }
        var path = target.handle.path();
        if (path != null && !path.equals(live.handle.path())) {
            IndexFiles.delete(path);
        }
    }

    // ---- housekeeping ---------------------------------------------------------------------------------

    /** Forgets change rows older than the retention (every node may do it; deleting twice is harmless). */
    private void housekeeping() {
        try {
            changes.deleteBefore(clock.instant().minus(properties.changeRetention()));
        } catch (RuntimeException e) {
            log.warn("Search housekeeping failed: {}", e.toString());
        }
    }

    // ---- status ----------------------------------------------------------------------------------------

    public record Status(long documents, long changePosition, int changesAwaitingGap, Instant lastSyncAt,
            Instant lastCommitAt, String location) {
    }

    public Status status() throws IOException {
        var target = live;
        return new Status(target.handle.documents(), target.cursor.position(), target.cursor.pendingAbove(),
                lastSyncAt, target.committedAt.equals(Instant.EPOCH) ? null : target.committedAt,
                target.handle.path() == null ? "memory (first build running)" : target.handle.path().toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
