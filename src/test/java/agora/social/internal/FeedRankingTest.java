package agora.social.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import agora.social.internal.FeedRanking.Candidate;
import agora.social.internal.FeedRanking.Ranked;
import agora.social.internal.FeedRanking.Source;

class FeedRankingTest {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final FeedRanking RANKING = new FeedRanking(Duration.ofHours(24), 2.0, 0.5, 2);

    static Candidate post(long id, long author, int hoursOld, int likes, int comments, Source source) {
        return new Candidate(id, author, NOW.minus(Duration.ofHours(hoursOld)), likes, comments, source);
    }

    static Candidate followed(long id, long author, int hoursOld, int likes) {
        return post(id, author, hoursOld, likes, 0, Source.FOLLOWING);
    }

    static List<Long> order(List<Ranked> ranked) {
        return ranked.stream().map(r -> r.candidate().postId()).toList();
    }

    @Test
    void scoresFreshnessEngagementAffinityAndSource() {
        var score = RANKING.score(post(1, 1, 24, 3, 2, Source.DISCOVERY), 3, NOW);
        assertThat(score.ageHours()).isEqualTo(24.0);
        assertThat(score.freshness()).isEqualTo(0.5);
        assertThat(score.engagement()).isCloseTo(1 + Math.log(1 + 3 + 2 * 2), within(1e-12));
        assertThat(score.affinity()).isCloseTo(1 + Math.log(4), within(1e-12));
        assertThat(score.sourceWeight()).isEqualTo(0.5);
        assertThat(score.total()).isCloseTo(0.5 * (1 + Math.log(8)) * (1 + Math.log(4)) * 0.5, within(1e-12));
        // A post from the future (clock skew between nodes) is as fresh as a new one, not fresher.
        assertThat(RANKING.score(post(2, 1, -5, 0, 0, Source.FOLLOWING), 0, NOW).freshness()).isEqualTo(1.0);
    }

    @Test
    void ordersByCombinedScore() {
        var fresh = followed(1, 1, 1, 0);                            // 0.971
        var popularButOld = followed(2, 2, 25, 10);                  // 0.486 × 3.398 = 1.650
        var fromAFavouriteAuthor = followed(3, 3, 2, 0);             // 0.944 × 2.386 (3 interactions) = 2.252
        var discovered = post(4, 4, 0, 20, 0, Source.DISCOVERY);     // 1 × 4.045 × 0.5 = 2.022
        var ranked = RANKING.rank(List.of(fresh, popularButOld, fromAFavouriteAuthor, discovered), Map.of(3L, 3), NOW);
        assertThat(order(ranked)).containsExactly(3L, 4L, 2L, 1L);
    }

    @Test
    void halfLifeDecidesBetweenFreshAndPopular() {
        var fresh = followed(1, 1, 0, 0);
        var dayOldWithLikes = followed(2, 2, 24, 3);     // 0.5 × (1 + ln 4) = 1.19 > 1
        assertThat(order(RANKING.rank(List.of(fresh, dayOldWithLikes), Map.of(), NOW))).containsExactly(2L, 1L);
        var shortLived = new FeedRanking(Duration.ofHours(6), 2.0, 0.5, 2); // 0.0625 × 2.39 = 0.15 < 1
        assertThat(order(shortLived.rank(List.of(fresh, dayOldWithLikes), Map.of(), NOW))).containsExactly(1L, 2L);
    }

    @Test
    void commentsWeighMoreThanLikes() {
        var liked = followed(1, 1, 0, 2);
        var discussed = post(2, 2, 0, 0, 2, Source.FOLLOWING);
        assertThat(order(RANKING.rank(List.of(liked, discussed), Map.of(), NOW))).containsExactly(2L, 1L);
    }

    @Test
    void breaksLongRunsOfOneAuthor() {
        var prolific = List.of(followed(1, 7, 0, 9), followed(2, 7, 0, 8), followed(3, 7, 0, 7), followed(4, 7, 0, 6));
        var other = followed(5, 8, 0, 0);
        var third = followed(6, 9, 0, 1);
        var ranked = RANKING.rank(List.of(prolific.get(0), prolific.get(1), prolific.get(2), prolific.get(3), other,
                third), Map.of(), NOW);
        // By score alone: 1 2 3 4 6 5. At most two in a row per author: the best other post moves up each time.
        assertThat(order(ranked)).containsExactly(1L, 2L, 6L, 3L, 4L, 5L);
        assertThat(order(new FeedRanking(Duration.ofHours(24), 2.0, 0.5, 1).rank(List.of(prolific.get(0),
                prolific.get(1), prolific.get(2), other), Map.of(), NOW))).containsExactly(1L, 5L, 2L, 3L);
    }

    @Test
    void breaksTiesByRecencyThenId() {
        var older = followed(1, 1, 2, 0);
        var a = new Candidate(2, 2, NOW.minus(Duration.ofHours(1)), 0, 0, Source.FOLLOWING);
        var b = new Candidate(3, 3, NOW.minus(Duration.ofHours(1)), 0, 0, Source.FOLLOWING);
        assertThat(order(RANKING.rank(List.of(older, a, b), Map.of(), NOW))).containsExactly(3L, 2L, 1L);
    }

    @Test
    void countsAPostOfferedTwiceOnceAsFollowed() {
        var asDiscovery = post(1, 1, 0, 5, 0, Source.DISCOVERY);
        var asFollowed = post(1, 1, 0, 5, 0, Source.FOLLOWING);
        var ranked = RANKING.rank(List.of(asDiscovery, asFollowed, followed(2, 2, 0, 0)), Map.of(), NOW);
        assertThat(order(ranked)).containsExactly(1L, 2L);
        assertThat(ranked.getFirst().candidate().source()).isEqualTo(Source.FOLLOWING);
        assertThat(RANKING.rank(List.of(), Map.of(), NOW)).isEmpty();
    }
}
