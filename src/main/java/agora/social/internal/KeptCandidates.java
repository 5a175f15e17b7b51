package agora.social.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import agora.platform.AfterCommit;
import agora.social.CommentPosted;
import agora.social.PostLiked;
import agora.social.PostUnliked;
import agora.social.UserFollowed;
import agora.social.UserUnfollowed;

/**
 * The candidate posts a reader's last full ranking found, kept in this node's memory for a short while
 * ({@code agora.social.feed.kept-for}, at most {@code kept-memory} of them) so that the reader's next requests
 * re-rank them instead of searching again. Only post ids are kept, under the reader's id; every request reads
 * those posts again and filters them against the database ({@link FeedCandidateRepository#current}), so a
 * deleted, hidden, unfollowed, blocked or muted author's post never shows, whatever node kept the set and
 * whenever. A reader's own follows, unfollows, likes, unlikes, comments, blocks and mutes forget the reader's set
 * after they commit (on this node: another node's set lasts until it expires).
 */
@Component
class KeptCandidates {

    /**
     * The ids a full ranking started from, the reader's recent likes and comments per author it used for affinity,
     * and when it ran.
     */
    record Set(long[] followed, long[] discovered, Map<Long, Integer> interactions, Instant keptAt) {

        /** About what the set takes on the heap: 8 bytes per id, ~50 per affinity entry (two boxes and a slot). */
        int bytes() {
            return 128 + 8 * (followed.length + discovered.length) + 50 * interactions.size();
        }
    }

    private final Cache<Long, Set> sets;
    private final FeedProperties settings;

    KeptCandidates(FeedProperties settings) {
        this.settings = settings;
        this.sets = Caffeine.newBuilder().maximumWeight(settings.keptMemory().toBytes())
                .weigher((Long reader, Set set) -> set.bytes()).expireAfterWrite(settings.keptFor()).build();
    }

    /** The reader's kept set, if it is younger than {@code kept-for} by the application's clock. */
    Optional<Set> find(long reader, Instant now) {
        var kept = sets.getIfPresent(reader);
        if (kept == null || now.isBefore(kept.keptAt()) || !now.isBefore(kept.keptAt().plus(settings.keptFor()))) {
            return Optional.empty();
        }
        return Optional.of(kept);
    }

    void keep(long reader, Set set) {
        if (!settings.keptFor().isZero()) {
            sets.put(reader, set);
        }
    }

    /**
     * Forgets these readers' sets once the current transaction commits (at once outside one), so a ranking that
     * runs meanwhile cannot keep what the transaction is changing.
     */
    void forget(long... readers) {
        AfterCommit.run(() -> invalidate(readers));
    }

    private void invalidate(long... readers) {
        for (var reader : readers) {
            sets.invalidate(reader);
        }
    }

    @TransactionalEventListener
    void on(UserFollowed event) {
        invalidate(event.followerId());
    }

    @TransactionalEventListener
    void on(UserUnfollowed event) {
        invalidate(event.followerId());
    }

    @TransactionalEventListener
    void on(PostLiked event) {
        invalidate(event.likerId());
    }

    @TransactionalEventListener
    void on(PostUnliked event) {
        invalidate(event.likerId());
    }

    @TransactionalEventListener
    void on(CommentPosted event) {
        invalidate(event.commenterId());
    }
}
