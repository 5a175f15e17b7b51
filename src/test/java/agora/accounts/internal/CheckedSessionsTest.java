package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The session cache: its TTL, and evictions that beat checks already under way. */
class CheckedSessionsTest {

    static final Duration TTL = Duration.ofSeconds(10);

    final AtomicLong now = new AtomicLong(1_000);
    final CheckedSessions cache = new CheckedSessions(TTL, now::get);
    final UUID id = UUID.randomUUID();
    final SessionRepository.ActiveSession session = new SessionRepository.ActiveSession(id, 7, "alice", User.Role.USER);

    /** The database: the session stands until revoked; counts the checks. */
    final AtomicReference<Optional<SessionRepository.ActiveSession>> database =
            new AtomicReference<>(Optional.of(session));
    final AtomicInteger checks = new AtomicInteger();
    final Function<UUID, Optional<SessionRepository.ActiveSession>> check = key -> {
        checks.incrementAndGet();
        return database.get();
    };

    void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void aSessionIsTrustedForTheTtlFromTheStartOfItsCheck() {
        var slowCheck = (Function<UUID, Optional<SessionRepository.ActiveSession>>) key -> {
            advance(Duration.ofSeconds(4));
            return check.apply(key);
        };
        assertThat(cache.get(id, slowCheck)).contains(session);
        advance(Duration.ofSeconds(5));
        assertThat(cache.get(id, slowCheck)).contains(session);
        assertThat(checks).hasValue(1);

        advance(Duration.ofSeconds(1));
        database.set(Optional.empty());
        assertThat(cache.get(id, check)).isEmpty();
        assertThat(checks).hasValue(2);
    }

    @Test
    void anUnknownOrEndedSessionIsNotCached() {
        database.set(Optional.empty());
        assertThat(cache.get(id, check)).isEmpty();
        assertThat(cache.get(id, check)).isEmpty();
        assertThat(checks).hasValue(2);
    }

    @Test
    void evictionsOfTheSessionItsUserOrEverythingForceANewCheck() {
        cache.get(id, check);
        cache.evictSession(id);
        cache.get(id, check);
        cache.evictUser(session.userId());
        cache.get(id, check);
        cache.evictAll();
        cache.get(id, check);
        assertThat(checks).hasValue(4);

        cache.evictUser(99);
        assertThat(cache.get(id, check)).contains(session);
        assertThat(checks).hasValue(4);
    }

    @Test
    void aUsersEvictionBeatsACheckThatReadTheDatabaseBeforeTheRevocationCommitted() throws Exception {
        assertThat(afterAnEvictionDuringACheck(() -> cache.evictUser(session.userId()))).isEmpty();
    }

    @Test
    void evictingEverythingBeatsACheckThatReadTheDatabaseBeforeTheRevocationCommitted() throws Exception {
        assertThat(afterAnEvictionDuringACheck(cache::evictAll)).isEmpty();
    }

    @Test
    void evictingOneSessionWaitsForItsCheckUnderWay() throws Exception {
        var read = new CountDownLatch(1);
        var proceed = new CountDownLatch(1);
        var request = CompletableFuture.supplyAsync(() -> cache.get(id, key -> {
            var stale = check.apply(key);
            read.countDown();
            await(proceed);
            return stale;
        }));
        assertThat(read.await(5, TimeUnit.SECONDS)).isTrue();
        database.set(Optional.empty());
        var eviction = CompletableFuture.runAsync(() -> cache.evictSession(id));
        Thread.sleep(100);
        assertThat(eviction).isNotDone();

        proceed.countDown();
        eviction.get(5, TimeUnit.SECONDS);
        request.get(5, TimeUnit.SECONDS);
        assertThat(cache.get(id, check)).isEmpty();
    }

    /**
     * A check reads the session while it still stands; the revocation commits and {@code evict} runs; only
     * then does the check finish. Answers what the cache says next.
     */
    Optional<SessionRepository.ActiveSession> afterAnEvictionDuringACheck(Runnable evict) throws Exception {
        var read = new CountDownLatch(1);
        var proceed = new CountDownLatch(1);
        var request = CompletableFuture.supplyAsync(() -> cache.get(id, key -> {
            var stale = check.apply(key);
            read.countDown();
            await(proceed);
            return stale;
        }));
        assertThat(read.await(5, TimeUnit.SECONDS)).isTrue();
        database.set(Optional.empty());
        evict.run();
        proceed.countDown();
        // The check under way is taken as a miss and repeated: even its own request sees the revocation.
        assertThat(request.get(5, TimeUnit.SECONDS)).isEmpty();
        return cache.get(id, check);
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
