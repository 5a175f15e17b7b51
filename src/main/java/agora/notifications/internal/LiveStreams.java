package agora.notifications.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import agora.accounts.ActiveSessions;
import agora.accounts.CurrentUser;
import agora.accounts.SessionsEnded;
import agora.platform.ApiException;

/**
 * The live streams open on this node, by recipient. A stream delivers every change after the last position it
 * delivered, read from the database whenever it is woken ({@link #wake}): a wake-up only says "look again", so a
 * lost, late or repeated one costs nothing but a read, and a stream resumed from {@code Last-Event-ID} replays
 * exactly what it missed. Writing to clients happens on virtual threads, never on the thread that woke the stream.
 */
@Component
public class LiveStreams implements SmartLifecycle {

    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final StreamReads reads;
    private final ActiveSessions sessions;
    private final StreamProperties properties;
    private final Map<Long, List<LiveStream>> byRecipient = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;

    LiveStreams(StreamReads reads, ActiveSessions sessions, StreamProperties properties) {
        this.reads = reads;
        this.sessions = sessions;
        this.properties = properties;
    }

    /**
     * Opens a stream for the signed-in user: after {@code lastEventId} (replaying what changed since), or from
     * now. Refused with 503 when this node holds as many streams as it may; a user's oldest stream closes when
     * they open one too many.
     */
    public SseEmitter open(CurrentUser user, Long lastEventId) {
        if (!running) {
            throw ApiException.unavailable("this node is shutting down", properties.retry());
        }
        if (open.incrementAndGet() > properties.perNode()) {
            open.decrementAndGet();
            throw ApiException.unavailable("this node holds as many live streams as it may", properties.retry());
        }
        var emitter = new SseEmitter(0L);
        var stream = new LiveStream(user.id(), user.sessionId(), emitter, 0);
        emitter.onCompletion(() -> forget(stream));
        emitter.onTimeout(() -> close(stream));
        emitter.onError(e -> close(stream));
        var streams = byRecipient.compute(user.id(), (id, list) -> {
            var all = list == null ? new CopyOnWriteArrayList<LiveStream>() : list;
            all.add(stream);
            return all;
        });
        while (streams.size() > properties.perUser()) {
            close(streams.getFirst());
        }
        // Registered before reading where to start: a change committed from now on wakes it.
        stream.lock.lock();
        try {
            var latest = reads.latestPosition(user.id());
            stream.position = lastEventId == null ? latest : Math.min(lastEventId, latest);
            stream.send(SseEmitter.event().reconnectTime(properties.retry().toMillis()).comment("connected"));
        } catch (IOException | RuntimeException e) {
            close(stream);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } finally {
            stream.lock.unlock();
        }
        wake(stream);
        return emitter;
    }

    /** Every stream of the recipient on this node looks again. */
    void wake(long recipientId) {
        var streams = byRecipient.get(recipientId);
        if (streams != null) {
            streams.forEach(this::wake);
        }
    }

    /** Every stream on this node looks again (wake-ups may have been lost). */
    void wakeAll() {
        byRecipient.values().forEach(streams -> streams.forEach(this::wake));
    }

    int openStreams() {
        return open.get();
    }

    private void wake(LiveStream stream) {
        if (stream.queued.compareAndSet(false, true)) {
            run(() -> {
                stream.queued.set(false);
                catchUp(stream);
            });
        }
    }

    /** Delivers what changed after the stream's position, then the unread count if it changed. */
    private void catchUp(LiveStream stream) {
        stream.lock.lock();
        try {
            List<Notifications.Change> changes;
            do {
                if (stream.isClosed()) {
                    return;
                }
                changes = reads.changedAfter(stream.recipientId, stream.position, BATCH);
                for (var change : changes) {
                    stream.send(SseEmitter.event().name("notification").id(Long.toString(change.position()))
                            .data(change.item(), MediaType.APPLICATION_JSON));
                    stream.position = change.position();
                }
            } while (changes.size() == BATCH);
            var unread = reads.unreadCount(stream.recipientId);
            if (unread != stream.unread) {
                stream.send(SseEmitter.event().name("unread-count")
                        .data(Map.of("unreadCount", unread), MediaType.APPLICATION_JSON));
                stream.unread = unread;
            }
        } catch (IOException gone) {
            close(stream);
        } catch (RuntimeException e) {
            // The database may be down: the client reconnects with its Last-Event-ID and misses nothing.
            log.warn("A live stream of user {} stopped: {}", stream.recipientId, e.toString());
            close(stream);
        } finally {
            stream.lock.unlock();
        }
    }

    /** Keeps idle streams open through proxies, finds clients that left, and re-checks each stream's session. */
    @Scheduled(initialDelayString = "${agora.notifications.stream.heartbeat}",
            fixedRateString = "${agora.notifications.stream.heartbeat}")
    void heartbeat() {
        byRecipient.values().forEach(streams -> streams.forEach(stream -> run(() -> {
            if (!sessions.isActive(stream.sessionId)) {
                close(stream);
                return;
            }
            stream.lock.lock();
            try {
                stream.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException gone) {
                close(stream);
            } finally {
                stream.lock.unlock();
            }
        })));
    }

    /** Closes the streams whose session ended (logout, password change, revocation), on every node. */
    @EventListener
    void on(SessionsEnded event) {
        byRecipient.values().forEach(streams -> streams.stream()
                .filter(stream -> event.mayConcern(stream.sessionId, stream.recipientId))
                .forEach(stream -> run(() -> {
                    if (!sessions.isActive(stream.sessionId)) {
                        close(stream);
                    }
                })));
    }

    private void close(LiveStream stream) {
        stream.close();
        forget(stream);
    }

    private void forget(LiveStream stream) {
        stream.close();
        byRecipient.computeIfPresent(stream.recipientId, (id, streams) -> {
            if (streams.remove(stream)) {
                open.decrementAndGet();
            }
            return streams.isEmpty() ? null : streams;
        });
    }

    private void run(Runnable task) {
        try {
            writers.execute(task);
        } catch (RejectedExecutionException stopping) {
            // The node is shutting down and closes every stream.
        }
    }

    // ---- lifecycle: streams close before the web server's graceful shutdown waits for open requests ----------

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        byRecipient.values().forEach(streams -> streams.forEach(this::close));
        writers.shutdown();
        try {
            writers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
    }
}
