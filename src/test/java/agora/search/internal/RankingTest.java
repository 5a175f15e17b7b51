package agora.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RankingTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final long DAY = 86_400_000L;

    @Test
    void popularityAndRecencyNudgeByAtMostFifteenPercent() {
        assertThat(Ranking.gentle(0, 0, NOW)).isEqualTo(1.0);
        assertThat(Ranking.gentle(Long.MAX_VALUE / 2, NOW, NOW)).isLessThanOrEqualTo(1.15).isGreaterThan(1.1);
        assertThat(Ranking.gentle(100, 0, NOW)).isGreaterThan(Ranking.gentle(10, 0, NOW));
        assertThat(Ranking.gentle(0, NOW - DAY, NOW)).isGreaterThan(Ranking.gentle(0, NOW - 300 * DAY, NOW));
    }

    @Test
    void ordersByTierBeforeRelevance() {
        var exact = hit(1, 4, 0.5);
        var typo = hit(2, 2, 50);
        assertThat(Ranking.order(SortOrder.RELEVANCE).compare(exact, typo)).isNegative();
        assertThat(Ranking.shownScore(exact)).isGreaterThan(Ranking.shownScore(typo));
    }

    private static Ranking.Hit hit(int doc, int tier, double relevance) {
        var hit = new Ranking.Hit();
        hit.doc = doc;
        hit.tier = tier;
        hit.relevance = relevance;
        return hit;
    }
}
