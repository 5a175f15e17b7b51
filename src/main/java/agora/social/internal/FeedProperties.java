package agora.social.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the ranked feed ({@code agora.social.feed}).
 *
 * @param halfLife a post's freshness halves every half-life
 * @param horizon how old a post may be to be a candidate at all
 * @param window how many recent posts of followed authors are ranked (the newest ones)
 * @param discoveryPosts at most this many posts by authors the reader does not follow
 * @param discoveryTags discovery looks in the reader's this-many most liked tags
 * @param discoveryScan per such tag, the newest this-many posts are considered
 * @param affinityWindow likes and comments this recent count towards affinity and liked tags
 * @param maxConsecutive at most this many posts of one author in a row
 * @param commentWeight a comment counts as this many likes
 * @param discoveryWeight a discovered post's score is multiplied by this
 * @param keptFor how long a reader's candidate set is re-ranked before it is searched again (0: never kept)
 * @param keptMemory the candidate sets kept on a node take at most about this much heap (Caffeine evicts beyond it)
 */
@ConfigurationProperties("agora.social.feed")
public record FeedProperties(Duration halfLife, Duration horizon, int window, int discoveryPosts, int discoveryTags,
        int discoveryScan, Duration affinityWindow, int maxConsecutive, double commentWeight, double discoveryWeight,
        Duration keptFor, DataSize keptMemory) {

    public FeedProperties {
        if (halfLife.isNegative() || halfLife.isZero() || window < 1 || discoveryPosts < 0 || maxConsecutive < 1
                || window + discoveryPosts > FeedCursor.MAX_POSTS || keptFor.isNegative() || keptMemory.isNegative()) {
            throw new IllegalArgumentException("agora.social.feed: half-life > 0, window >= 1, max-consecutive >= 1, "
                    + "window + discovery-posts <= " + FeedCursor.MAX_POSTS + ", kept-for >= 0 and kept-memory >= 0 "
                    + "are required");
        }
    }

    FeedRanking ranking() {
        return new FeedRanking(halfLife, commentWeight, discoveryWeight, maxConsecutive);
    }
}
