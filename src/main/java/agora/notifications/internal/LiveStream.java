package agora.notifications.internal;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream of a recipient's notifications: the emitter it writes to, and how far it has delivered. Whoever
 * writes holds its lock, so events go out whole and in order; a lock rather than {@code synchronized}, so that a
 * virtual thread blocked on a slow client does not pin its carrier.
 */
final class LiveStream {

    final long recipientId;
    final UUID sessionId;
    final SseEmitter emitter;
    final ReentrantLock lock = new ReentrantLock();
    /** A catch-up is queued: more wake-ups until it starts add nothing. */
    final AtomicBoolean queued = new AtomicBoolean();
    /** The position of the last delivered change; guarded by the lock. */
    long position;
    /** The last unread count sent, -1 before the first; guarded by the lock. */
    long unread = -1;
    private final AtomicBoolean closed = new AtomicBoolean();

    LiveStream(long recipientId, UUID sessionId, SseEmitter emitter, long position) {
        this.recipientId = recipientId;
        this.sessionId = sessionId;
        this.emitter = emitter;
        this.position = position;
    }

    /** Sends under the lock; a client gone (or the stream closed meanwhile) is an IOException. */
    void send(SseEmitter.SseEventBuilder event) throws IOException {
        if (closed.get()) {
            throw new IOException("the stream is closed");
        }
        emitter.send(event);
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Ends the response; answers whether this call closed it. */
    boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        try {
            emitter.complete();
        } catch (RuntimeException alreadyGone) {
            // The container has finished the response already.
        }
        return true;
    }
}
