package agora.search.internal;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.suggest.BitsProducer;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/** The documents a completion may come from: every one but those an exclusion query matches, per segment. */
final class VisibleDocuments extends BitsProducer {

    private final Weight excluded;

    private VisibleDocuments(Weight excluded) {
        this.excluded = excluded;
    }

    static VisibleDocuments except(IndexSearcher searcher, Query excluded) throws IOException {
        return new VisibleDocuments(searcher.createWeight(searcher.rewrite(excluded), ScoreMode.COMPLETE_NO_SCORES, 1));
    }

    @Override
    public Bits getBits(LeafReaderContext context) throws IOException {
        var maxDoc = context.reader().maxDoc();
        var scorer = excluded.scorer(context);
        if (scorer == null) {
            return new Bits.MatchAllBits(maxDoc);
        }
        var hidden = new FixedBitSet(maxDoc);
        var docs = scorer.iterator();
        for (var doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            hidden.set(doc);
        }
        return new Bits() {
            @Override
            public boolean get(int index) {
                return !hidden.get(index);
            }

            @Override
            public int length() {
                return maxDoc;
            }
        };
    }
}
