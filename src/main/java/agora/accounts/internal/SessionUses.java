package agora.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Keeps each session's "last used" roughly current without a database write per request: a node writes it (one
 * short UPDATE, on the request that finds it due) when it has not for {@code last-use-interval}, and the UPDATE itself
 * skips a row another node wrote within the interval. A failed write only leaves the time a little older.
 */
@Component
class SessionUses {

    private static final Logger log = LoggerFactory.getLogger(SessionUses.class);

    private final SessionRepository repository;
    private final Duration interval;
    private final Clock clock;
    private final Cache<UUID, Instant> written;

    SessionUses(SessionRepository repository, SessionProperties properties, Clock clock) {
        this.repository = repository;
        this.interval = properties.lastUseInterval();
        this.clock = clock;
        // Forgetting an entry early costs one write that the UPDATE's condition makes a no-op.
        this.written = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(interval.multipliedBy(2)).build();
    }

    /** The session was used now: has it written if this node has not written it within the interval. */
    void used(UUID sessionId) {
        var now = clock.instant();
        var staleSince = now.minus(interval);
        var due = new boolean[1];
        written.asMap().compute(sessionId, (id, last) -> {
            due[0] = last == null || !last.isAfter(staleSince);
            return due[0] ? now : last;
        });
        if (due[0]) {
            try {
                repository.recordUse(sessionId, now, staleSince);
            } catch (RuntimeException e) {
                log.warn("Could not record the use of a session: {}", e.toString());
            }
        }
    }

    /** Written at open: the first use needs no write of its own. */
    void opened(UUID sessionId, Instant at) {
        written.put(sessionId, at);
    }
}
