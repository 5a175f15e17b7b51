package agora.search.internal;

import java.util.Comparator;

/**
 * The order of results, as plain rules.
 *
 * <p>By relevance: first the tier — 2 points for every query word a document contains exactly (typo-free,
 * after stemming), 1 more if it contains the whole query as a phrase — so exact matches always come before
 * typo-corrected ones and phrases before scattered words. Within a tier, BM25 with field weights, nudged by
 * popularity (at most +10 %) and recency (at most +5 %). Exact ties go to the more popular, then the newer.
 */
final class Ranking {

    static final double POPULARITY_WEIGHT = 0.10;
    static final double RECENCY_WEIGHT = 0.05;
    /** The largest factor {@link #gentle} can give: what top-k search divides the k-th best relevance by. */
    static final double MAX_GENTLE = 1 + POPULARITY_WEIGHT + RECENCY_WEIGHT;
    private static final double DAY_MILLIS = 86_400_000.0;
    private static final double RECENCY_HALF_LIFE_DAYS = 30;

    private Ranking() {
    }

    /** One matching document with everything ordering looks at. */
    static final class Hit {
        int doc;
        int tier;
        double relevance;
        long popularity;
        long created;
        boolean priced;
        long price;

        Hit copy() {
            var copy = new Hit();
            copy.doc = doc;
            copy.tier = tier;
            copy.relevance = relevance;
            copy.popularity = popularity;
            copy.created = created;
            copy.priced = priced;
            copy.price = price;
            return copy;
        }
    }

    /**
     * A gentle factor on BM25: popularity (likes, sales) on a log scale that saturates, recency halving
     * every 30 days. Both only reorder results of similar text relevance.
     */
    static double gentle(long popularity, long createdMillis, long nowMillis) {
        var p = popularity <= 0 ? 0 : Math.log1p(popularity) / (Math.log1p(popularity) + 3);
        var r = createdMillis <= 0 ? 0
                : 1 / (1 + Math.max(0, nowMillis - createdMillis) / (RECENCY_HALF_LIFE_DAYS * DAY_MILLIS));
        return 1 + POPULARITY_WEIGHT * p + RECENCY_WEIGHT * r;
    }

    /** The score shown: the tier plus the relevance squashed into [0, 1), so it falls down the list. */
    static double shownScore(Hit hit) {
        return hit.tier + hit.relevance / (hit.relevance + 1);
    }

    /** Negative when the first hit goes before the second. */
    static Comparator<Hit> order(SortOrder sort) {
        Comparator<Hit> byRelevance = Comparator.<Hit>comparingInt(h -> -h.tier)
                .thenComparingDouble(h -> -h.relevance)
                .thenComparingLong(h -> -h.popularity)
                .thenComparingLong(h -> -h.created);
        Comparator<Hit> order = switch (sort) {
            case RELEVANCE -> byRelevance;
            case NEWEST -> Comparator.<Hit>comparingLong(h -> -h.created).thenComparing(byRelevance);
            case PRICE_ASC -> Comparator.<Hit, Boolean>comparing(h -> !h.priced)
                    .thenComparingLong(h -> h.price).thenComparing(byRelevance);
            case PRICE_DESC -> Comparator.<Hit, Boolean>comparing(h -> !h.priced)
                    .thenComparingLong(h -> -h.price).thenComparing(byRelevance);
        };
        return order.thenComparingInt(h -> h.doc);
    }
}
