package agora.social.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * The ranked feed's rules, as pure functions. A candidate post scores
 *
 * <pre>
 * score = freshness × engagement × affinity × source
 *   freshness  = 0.5 ^ (ageHours / halfLifeHours)
 *   engagement = 1 + ln(1 + likes + commentWeight × comments)
 *   affinity   = 1 + ln(1 + the reader's recent likes and comments on the author's posts)
 *   source     = 1 for followed authors, discoveryWeight for discovered posts
 * </pre>
 *
 * Posts are ordered by score (ties: newer first, then higher id); then no author may fill more than
 * {@code maxConsecutive} places in a row while another author's post is waiting: the best such post moves up.
 */
public record FeedRanking(Duration halfLife, double commentWeight, double discoveryWeight, int maxConsecutive) {

    public enum Source {
        FOLLOWING, DISCOVERY
    }

    public record Candidate(long postId, long authorId, Instant createdAt, int likes, int comments, Source source) {
    }

    /** Why a post scored as it did. */
    public record Score(double total, double ageHours, double freshness, double engagement, double affinity,
            double sourceWeight) {
    }

    public record Ranked(Candidate candidate, Score score) {
    }

    private static final Comparator<Ranked> BEST_FIRST = Comparator
            .comparingDouble((Ranked r) -> r.score().total()).reversed()
            .thenComparing(r -> r.candidate().createdAt(), Comparator.reverseOrder())
            .thenComparing(r -> r.candidate().postId(), Comparator.reverseOrder());

    public Score score(Candidate candidate, int interactionsWithAuthor, Instant now) {
        var ageHours = Math.max(0, Duration.between(candidate.createdAt(), now).toMillis()) / 3_600_000.0;
        var halfLifeHours = halfLife.toMillis() / 3_600_000.0;
        var freshness = Math.pow(0.5, ageHours / halfLifeHours);
        var engagement = 1 + Math.log1p(candidate.likes() + commentWeight * candidate.comments());
        var affinity = 1 + Math.log1p(interactionsWithAuthor);
        var sourceWeight = candidate.source() == Source.FOLLOWING ? 1.0 : discoveryWeight;
        return new Score(freshness * engagement * affinity * sourceWeight, ageHours, freshness, engagement, affinity,
                sourceWeight);
    }

    /**
     * The candidates in feed order. A post offered twice counts once (as followed, if it was offered so).
     *
     * @param interactionsByAuthor the reader's recent likes and comments per author; absent means none
     */
    public List<Ranked> rank(Collection<Candidate> candidates, Map<Long, Integer> interactionsByAuthor, Instant now) {
        var unique = new LinkedHashMap<Long, Candidate>();
        for (var candidate : candidates) {
            unique.merge(candidate.postId(), candidate,
                    (a, b) -> a.source() == Source.FOLLOWING ? a : b);
        }
        var scored = new ArrayList<Ranked>(unique.size());
        for (var candidate : unique.values()) {
            scored.add(new Ranked(candidate,
                    score(candidate, interactionsByAuthor.getOrDefault(candidate.authorId(), 0), now)));
        }
        scored.sort(BEST_FIRST);
        return diversify(scored);
    }

    /** Keeps the score order, except that the best post of another author breaks a run longer than allowed. */
    List<Ranked> diversify(List<Ranked> bestFirst) {
        var waiting = new LinkedList<>(bestFirst);
        var feed = new ArrayList<Ranked>(bestFirst.size());
        while (!waiting.isEmpty()) {
            var next = waiting.getFirst();
            if (runLength(feed, next.candidate().authorId()) >= maxConsecutive) {
                for (var post : waiting) {
                    if (post.candidate().authorId() != next.candidate().authorId()) {
                        next = post;
                        break;
                    }
                }
            }
            waiting.remove(next);
            feed.add(next);
        }
        return feed;
    }

    private static int runLength(List<Ranked> feed, long authorId) {
        var run = 0;
        for (var i = feed.size() - 1; i >= 0 && feed.get(i).candidate().authorId() == authorId; i--) {
            run++;
        }
        return run;
    }
}
