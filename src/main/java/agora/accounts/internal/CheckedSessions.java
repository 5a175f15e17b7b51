package agora.accounts.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The sessions this node has checked against the database, trusted for the TTL from the check. An eviction
 * must also beat a check under way: one that read the database just before a revocation committed must not
 * land in the cache after the eviction and outlive it. Evicting one session waits for a check of it (Caffeine's
 * {@code invalidate} does). Evicting a user's or every session cannot wait for checks of sessions it does not
 * know, so evictions are numbered, and an entry whose check began before a later eviction of its user (or of
 * everything) is a miss.
 */
final class CheckedSessions {

    /**
     * A checked session, with when its check began: as a time (for the TTL) and as the number of the latest
     * eviction then (for later evictions).
     */
    private record Entry(SessionRepository.ActiveSession session, long checkedAt, long evictionsBefore) {
    }

    private final Cache<UUID, Entry> entries;
    private final Cache<Long, Long> userEvictions;
    private final AtomicLong evictions = new AtomicLong();
    private volatile long allEvicted;
    private final Ticker ticker;

    CheckedSessions(Duration ttl, Ticker ticker) {
        this.ticker = ticker;
        this.entries = Caffeine.newBuilder().ticker(ticker).maximumSize(100_000)
                .expireAfter(Expiry.<UUID, Entry>creating((id, entry) -> {
                    var left = ttl.minusNanos(ticker.read() - entry.checkedAt());
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .build();
        // Entries checked before an eviction expire before its record does.
        this.userEvictions = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(ttl).build();
    }

    /** The session if it stands: from the cache while trusted, otherwise as {@code check} reads it. */
    Optional<SessionRepository.ActiveSession> get(UUID id,
            Function<UUID, Optional<SessionRepository.ActiveSession>> check) {
        while (true) {
            var entry = entries.get(id, key -> {
                var checkedAt = ticker.read();
                var evictionsBefore = evictions.get();
                return check.apply(key).map(session -> new Entry(session, checkedAt, evictionsBefore)).orElse(null);
            });
            if (entry == null) {
                return Optional.empty();
            }
            if (!evictedSince(entry)) {
                return Optional.of(entry.session());
            }
            entries.asMap().remove(id, entry);
        }
    }

    void evictSession(UUID id) {
        entries.invalidate(id);
    }

    void evictUser(long userId) {
        userEvictions.put(userId, evictions.incrementAndGet());
    }

    void evictAll() {
        allEvicted = evictions.incrementAndGet();
        entries.invalidateAll();
    }

    private boolean evictedSince(Entry entry) {
        var userEvicted = userEvictions.getIfPresent(entry.session().userId());
        return entry.evictionsBefore() < allEvicted
                || (userEvicted != null && entry.evictionsBefore() < userEvicted);
    }
}
