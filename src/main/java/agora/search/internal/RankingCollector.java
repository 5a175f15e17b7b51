package agora.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * One pass over every matching document: applies the type filter, counts facets, and keeps the best
 * {@code keep} hits in the requested order (tiers come from the exact-word and phrase queries, advanced
 * alongside the main query). With {@code keep} 0 it only counts (no scores), for when {@link TopTiers}
 * found the hits.
 */
final class RankingCollector implements Collector {

    /**
     * What a search found: the best hits in order, how many matched, and the facet counts ({@code exact} false
     * when those two are estimates, see {@link MatchCounts}).
     */
    record Ranked(List<Ranking.Hit> hits, int total, boolean exact, Facets facets) {
    }

    /** Everything a collector needs, shared by the collectors of one search. */
    record Spec(SortOrder sort, int keep, int typeMask, List<Weight> exactWords, Weight phrase,
            boolean scored, long nowMillis) {
    }

    static CollectorManager<RankingCollector, Ranked> manager(Spec spec) {
        return new CollectorManager<>() {
            @Override
            public RankingCollector newCollector() {
                return new RankingCollector(spec);
            }

            @Override
            public Ranked reduce(Collection<RankingCollector> collectors) {
                var facets = new Facets();
                var hits = new ArrayList<Ranking.Hit>();
                var total = 0;
                for (var collector : collectors) {
                    facets.add(collector.facets);
                    hits.addAll(collector.best);
                    total += collector.total;
                }
                hits.sort(Ranking.order(spec.sort()));
                return new Ranked(List.copyOf(hits.subList(0, Math.min(spec.keep(), hits.size()))), total, true,
                        facets);
            }
        };
    }

    private final Spec spec;
    private final Comparator<Ranking.Hit> order;
    private final PriorityQueue<Ranking.Hit> best;
    private final Facets facets = new Facets();
    private int total;

    private RankingCollector(Spec spec) {
        this.spec = spec;
        this.order = Ranking.order(spec.sort());
        this.best = new PriorityQueue<>(spec.keep() + 1, order.reversed());
    }

    @Override
    public ScoreMode scoreMode() {
        return spec.scored() && spec.keep() > 0 ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        return new Leaf(context);
    }

    private final class Leaf implements LeafCollector {

        private final LeafReaderContext context;
        private final int docBase;
        private final NumericDocValues types;
        private final NumericDocValues popularity;
        private final NumericDocValues created;
        private final NumericDocValues prices;
        private final SortedDocValues currencies;
        private final SortedSetDocValues tags;
        private final DocIdSetIterator[] exactWords;
        private final DocIdSetIterator phrase;
        private final int[] tagCounts;
        private final int[][] priceCounts;
        private final Ranking.Hit candidate = new Ranking.Hit();
        private Scorable scorer;

        Leaf(LeafReaderContext context) throws IOException {
            this.context = context;
            var reader = context.reader();
            docBase = context.docBase;
            types = DocValues.getNumeric(reader, IndexSchema.TYPE);
            popularity = DocValues.getNumeric(reader, IndexSchema.POPULARITY);
            created = DocValues.getNumeric(reader, IndexSchema.CREATED);
            prices = DocValues.getNumeric(reader, IndexSchema.PRICE);
            currencies = DocValues.getSorted(reader, IndexSchema.CURRENCY);
            tags = DocValues.getSortedSet(reader, IndexSchema.TAG);
            exactWords = new DocIdSetIterator[spec.exactWords().size()];
            for (var i = 0; i < exactWords.length; i++) {
                exactWords[i] = iterator(spec.exactWords().get(i), context);
            }
            phrase = spec.phrase() == null ? null : iterator(spec.phrase(), context);
            tagCounts = new int[Math.toIntExact(tags.getValueCount())];
            priceCounts = new int[currencies.getValueCount()][Facets.PRICE_BOUNDS.length];
        }

        private static DocIdSetIterator iterator(Weight weight, LeafReaderContext context) throws IOException {
            var scorer = weight.scorer(context);
            return scorer == null ? null : scorer.iterator();
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            var type = types.advanceExact(doc) ? (int) types.longValue() : -1;
            if (type < 0 || type >= facets.types.length) {
                return;
            }
            facets.types[type]++;
            if ((spec.typeMask() & (1 << type)) == 0) {
                return;
            }
            total++;
            if (tags.advanceExact(doc)) {
                for (var i = 0; i < tags.docValueCount(); i++) {
                    tagCounts[(int) tags.nextOrd()]++;
                }
            }
            candidate.priced = prices.advanceExact(doc);
            candidate.price = candidate.priced ? prices.longValue() : 0;
            if (candidate.priced && currencies.advanceExact(doc)) {
                priceCounts[currencies.ordValue()][Facets.priceRange(candidate.price)]++;
            }
            if (spec.keep() == 0) {
                return; // counting only: the hits come from elsewhere
            }
            candidate.doc = docBase + doc;
            candidate.created = created.advanceExact(doc) ? created.longValue() : 0;
            if (spec.sort() == SortOrder.NEWEST && best.size() == spec.keep()
                    && candidate.created < best.peek().created) {
                return; // older than every kept hit: a listing by newest visits every match, most of them end here
            }
            candidate.popularity = popularity.advanceExact(doc) ? popularity.longValue() : 0;
            candidate.tier = tier(doc);
            candidate.relevance = spec.scored()
                    ? scorer.score() * Ranking.gentle(candidate.popularity, candidate.created, spec.nowMillis())
                    : 0;
            if (best.size() < spec.keep()) {
                best.add(candidate.copy());
            } else if (order.compare(candidate, best.peek()) < 0) {
                best.poll();
                best.add(candidate.copy());
            }
        }

        private int tier(int doc) throws IOException {
            var tier = 0;
            for (var words : exactWords) {
                if (matches(words, doc)) {
                    tier += 2;
                }
            }
            return phrase != null && matches(phrase, doc) ? tier + 1 : tier;
        }

        private static boolean matches(DocIdSetIterator iterator, int doc) throws IOException {
            if (iterator == null) {
                return false;
            }
            if (iterator.docID() < doc) {
                iterator.advance(doc);
            }
            return iterator.docID() == doc;
        }

        @Override
        public void finish() throws IOException {
            var ordinals = TagOrdinals.of(ReaderUtil.getTopLevelContext(context).reader());
            var indexWideCounts = facets.tagCounts(ordinals);
            var indexWide = ordinals.ofSegment(context.ord);
            for (var ord = 0; ord < tagCounts.length; ord++) {
                if (tagCounts[ord] > 0) {
                    indexWideCounts[(int) indexWide.get(ord)] += tagCounts[ord];
                }
            }
            for (var ord = 0; ord < priceCounts.length; ord++) {
                var counts = facets.prices.computeIfAbsent(currencies.lookupOrd(ord).utf8ToString(),
                        c -> new int[Facets.PRICE_BOUNDS.length]);
                for (var range = 0; range < counts.length; range++) {
                    counts[range] += priceCounts[ord][range];
                }
            }
        }
    }
}
