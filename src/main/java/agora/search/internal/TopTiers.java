package agora.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * The best hits by relevance found tier by tier, without scoring every match. A tier is a set of conditions
 * (every word exact, the phrase present or not), so the documents of one tier are a query of their own, and
 * within a tier the order is BM25 × a popularity/recency factor of at most {@link Ranking#MAX_GENTLE}: Lucene's
 * block-max WAND ({@link ScoreMode#TOP_SCORES}) may skip every document whose BM25 cannot reach the current
 * k-th best divided by that factor. Tiers are read from the top down until {@code keep} hits are found.
 *
 * <p>Only the tiers whose conditions are simple are taken this way: "all words exact (with, then without the
 * phrase)" and, for a one-word query, "the word only typo-corrected". When those do not fill the page the
 * caller ranks the classic way (every match scored); that is the rare case of many-word queries whose best
 * documents miss a word.
 */
final class TopTiers {

    private TopTiers() {
    }

    /**
     * The best {@code keep} hits by relevance, or empty when the simple tiers hold fewer than that.
     *
     * @param restrictions the request's filters and exclusions (not the type filter)
     */
    static Optional<List<Ranking.Hit>> best(IndexSearcher searcher, QueryPlan plan, List<BooleanClause> restrictions,
            int typeMask, int keep, long nowMillis) throws IOException {
        var exactWords = plan.exactWords();
        var typeFilter = typeFilter(typeMask);
        var tierOfAllExact = 2 * exactWords.size();
        var exactly = plan.matchingExactly();
        var levels = new ArrayList<Level>();
        var phrase = plan.phrase();
        if (phrase.isPresent()) {
            levels.add(new Level(tierOfAllExact + 1, exactly, List.of(phrase.get()), List.of()));
            levels.add(new Level(tierOfAllExact, exactly, List.of(), List.of(phrase.get())));
        } else {
            levels.add(new Level(tierOfAllExact, exactly, List.of(), List.of()));
        }
        if (exactWords.size() == 1) {
            // a phrase of one word's repetitions needs the word itself: what is left is typo-corrected only
            levels.add(new Level(0, plan.matching(true), List.of(), List.of(exactWords.getFirst())));
        }
        var found = new ArrayList<Ranking.Hit>();
        for (var level : levels) {
            var query = new BooleanQuery.Builder().add(level.text(), Occur.MUST);
            restrictions.forEach(query::add);
            level.required().forEach(q -> query.add(q, Occur.FILTER));
            level.excluded().forEach(q -> query.add(q, Occur.MUST_NOT));
            typeFilter.ifPresent(q -> query.add(q, Occur.FILTER));
            var spec = new Spec(level.tier(), keep - found.size(), typeMask, nowMillis);
            found.addAll(searcher.search(query.build(), manager(spec)));
            if (found.size() >= keep) {
                break;
            }
        }
        if (found.size() < keep && exactWords.size() != 1) {
            return Optional.empty();
        }
        found.sort(Ranking.order(SortOrder.RELEVANCE));
        return Optional.of(List.copyOf(found.subList(0, Math.min(keep, found.size()))));
    }

    /** The documents of one tier: those the text query matches, with every required query and none of the excluded ones. */
    private record Level(int tier, Query text, List<Query> required, List<Query> excluded) {
    }

    private record Spec(int tier, int keep, int typeMask, long nowMillis) {
    }

    /** Lets WAND skip documents of other types; the collector checks the type again, as the classic path does. */
    private static Optional<Query> typeFilter(int typeMask) {
        var all = (1 << SearchType.values().length) - 1;
        if ((typeMask & all) == all) {
            return Optional.empty();
        }
        var types = new ArrayList<Long>();
        for (var type : SearchType.values()) {
            if ((typeMask & (1 << type.ordinal())) != 0) {
                types.add((long) type.ordinal());
            }
        }
        return Optional.of(NumericDocValuesField.newSlowSetQuery(IndexSchema.TYPE,
                types.stream().mapToLong(Long::longValue).toArray()));
    }

    private static CollectorManager<TierCollector, List<Ranking.Hit>> manager(Spec spec) {
        return new CollectorManager<>() {
            @Override
            public TierCollector newCollector() {
                return new TierCollector(spec);
            }

            @Override
            public List<Ranking.Hit> reduce(Collection<TierCollector> collectors) {
                var hits = new ArrayList<Ranking.Hit>();
                collectors.forEach(collector -> hits.addAll(collector.best));
                return hits;
            }
        };
    }

    /** Keeps the best hits of one tier, and tells the scorer which BM25 can no longer make it. */
    private static final class TierCollector implements Collector {

        private static final Comparator<Ranking.Hit> ORDER = Ranking.order(SortOrder.RELEVANCE);

        private final Spec spec;
        private final PriorityQueue<Ranking.Hit> best;

        TierCollector(Spec spec) {
            this.spec = spec;
            this.best = new PriorityQueue<>(spec.keep() + 1, ORDER.reversed());
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.TOP_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            var reader = context.reader();
            var types = DocValues.getNumeric(reader, IndexSchema.TYPE);
            var popularity = DocValues.getNumeric(reader, IndexSchema.POPULARITY);
            var created = DocValues.getNumeric(reader, IndexSchema.CREATED);
            return new LeafCollector() {
                private Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    this.scorer = scorer;
                    raiseThreshold();
                }

                @Override
                public void collect(int doc) throws IOException {
                    var bm25 = scorer.score();
                    if (best.size() == spec.keep() && bm25 * Ranking.MAX_GENTLE < best.peek().relevance) {
                        return; // WAND skips by blocks: a document it lets through may still be out of reach
                    }
                    var type = types.advanceExact(doc) ? (int) types.longValue() : -1;
                    if (type < 0 || type >= SearchType.values().length || (spec.typeMask() & (1 << type)) == 0) {
                        return;
                    }
                    var likes = value(popularity, doc);
                    var date = value(created, doc);
                    var relevance = bm25 * Ranking.gentle(likes, date, spec.nowMillis());
                    if (best.size() == spec.keep() && relevance < best.peek().relevance) {
                        return; // one tier: less relevant is worse, whatever the ties would say
                    }
                    var hit = new Ranking.Hit();
                    hit.doc = context.docBase + doc;
                    hit.tier = spec.tier();
                    hit.popularity = likes;
                    hit.created = date;
                    hit.relevance = relevance;
                    if (best.size() < spec.keep()) {
                        best.add(hit);
                    } else if (ORDER.compare(hit, best.peek()) < 0) {
                        best.poll();
                        best.add(hit);
                    } else {
                        return;
                    }
                    raiseThreshold();
                }

                /**
                 * A document whose BM25 is below the k-th best relevance divided by the largest possible
                 * popularity/recency factor cannot enter; an equal one still may (ties go to popularity).
                 */
                private void raiseThreshold() throws IOException {
                    if (spec.keep() > 0 && best.size() == spec.keep()) {
                        var bm25 = (float) (best.peek().relevance / Ranking.MAX_GENTLE);
                        scorer.setMinCompetitiveScore(Math.max(0f, Math.nextDown(bm25)));
                    }
                }
            };
        }

        private static long value(NumericDocValues values, int doc) throws IOException {
            return values.advanceExact(doc) ? values.longValue() : 0;
        }
    }
}
