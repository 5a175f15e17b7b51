package agora.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;

/**
 * How many documents a search matches, and their facets. Up to about {@link #EXACT_UP_TO} matches every one is
 * counted. Above that (a common word over a large index) only evenly spread slices of the index are visited,
 * about that many matches' worth, and the counts are scaled up — as Meilisearch's and Elasticsearch's large
 * totals are estimates — so such a query costs about what one of ten thousand matches does, not a pass over
 * most of the index.
 */
final class MatchCounts {

    static final int EXACT_UP_TO = 10_000;
    /** Slices per segment when sampling: enough that a slice's quirks (old or new documents) average out. */
    private static final int SLICES = 64;

    record Counts(int total, boolean exact, Facets facets) {
    }

    private MatchCounts() {
    }

    static Counts of(IndexSearcher searcher, Query query, RankingCollector.Spec spec, int exactUpTo) throws IOException {
        var weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
        var leaves = searcher.getIndexReader().leaves();
        var scorers = new ArrayList<Scorer>(leaves.size());
        long cost = 0;
        for (var leaf : leaves) {
            var scorer = weight.scorer(leaf);
            scorers.add(scorer);
            cost += scorer == null ? 0 : scorer.iterator().cost();
        }
        // the cost is an upper bound of the matches, so "exact" never misses a small result set
        var fraction = cost <= exactUpTo ? 1.0 : (double) exactUpTo / cost;
        var manager = RankingCollector.manager(spec);
        var collector = manager.newCollector();
        long visited = 0;
        long all = 0;
        for (var i = 0; i < leaves.size(); i++) {
            var leaf = leaves.get(i);
            var maxDoc = leaf.reader().maxDoc();
            all += maxDoc;
            var slices = fraction == 1.0 ? 1 : Math.min(SLICES, maxDoc);
            var scorer = scorers.get(i);
            var sink = collector.getLeafCollector(leaf);
            var live = leaf.reader().getLiveDocs();
            var docs = scorer == null ? DocIdSetIterator.empty() : scorer.iterator();
            var doc = -1;
            for (var slice = 0; slice < slices; slice++) {
                var start = (int) ((long) maxDoc * slice / slices);
                var size = (int) ((long) maxDoc * (slice + 1) / slices) - start;
                var end = start + (fraction == 1.0 ? size : Math.max(1, (int) Math.ceil(size * fraction)));
                visited += end - start;
                if (doc < start) {
                    doc = docs.advance(start);
                }
                for (; doc < end; doc = docs.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        sink.collect(doc);
                    }
                }
            }
            sink.finish();
        }
        var counted = manager.reduce(List.of(collector));
        if (fraction == 1.0) {
            return new Counts(counted.total(), true, counted.facets());
        }
        if (counted.total() < exactUpTo / 10) {
            // the cost overestimated the matches (a conjunction of common words): too few to scale, count them all
            return of(searcher, query, spec, Integer.MAX_VALUE);
        }
        var scale = (double) all / Math.max(1, visited);
        return new Counts((int) Math.min(Integer.MAX_VALUE, Math.round(counted.total() * scale)), false,
                counted.facets().scaled(scale));
    }
}
