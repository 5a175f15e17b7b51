package agora.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Totals and facets: exact up to the limit, estimated from evenly spread slices above it. */
class MatchCountsTest {

    private static final int DOCUMENTS = 40_000;
    private static IndexHandle index;

    @BeforeAll
    static void indexCorpus() throws Exception {
        index = IndexHandle.inMemory();
        var random = new SplittableRandom(11);
        var documents = new ArrayList<SearchDocument>();
        for (var id = 1; id <= DOCUMENTS; id++) {
            var type = SearchType.values()[random.nextInt(SearchType.values().length)];
            // "common" in about 40 % of the documents, "rare" in about 1 %; tags "a" (about 3 in 4) and "b"
            var title = (random.nextInt(100) < 40 ? "common " : "other ") + (random.nextInt(100) == 0 ? "rare" : "plain");
            var tag = random.nextInt(4) == 0 ? "b" : "a";
            documents.add(new SearchDocument(type, id, "d" + id, title, List.of(tag), null, 0, null, null, null, 0,
                    Instant.EPOCH, new LinkedHashMap<>()));
            if (documents.size() == 5_000) {
                index.add("test", documents); // several segments, as a real index has
                index.refresh();
                documents.clear();
            }
        }
        index.refresh();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static RankingCollector.Spec spec() {
        return new RankingCollector.Spec(SortOrder.RELEVANCE, 0, -1, List.of(), null, false, 0);
    }

    @Test
    void countsEveryMatchUpToTheLimit() throws Exception {
        var searcher = index.searchers().acquire();
        try {
            var rare = new TermQuery(new Term(IndexSchema.TITLE, "rare"));
            var counts = MatchCounts.of(searcher, rare, spec(), 10_000);
            assertThat(counts.exact()).isTrue();
            assertThat(counts.total()).isEqualTo(searcher.count(rare)).isBetween(300, 500);
            assertThat(counts.facets().types[0] + counts.facets().types[1] + counts.facets().types[2])
                    .isEqualTo(counts.total());
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Test
    void countsEverythingWhenTheSampleIsTooThinToScale() throws Exception {
        var searcher = index.searchers().acquire();
        try {
            // "rare" and "plain" never share a title: the cost says hundreds, the sample holds none
            var both = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexSchema.TITLE, "rare")), Occur.FILTER)
                    .add(new TermQuery(new Term(IndexSchema.TITLE, "plain")), Occur.FILTER)
                    .build();
            var counts = MatchCounts.of(searcher, both, spec(), 100);
            assertThat(counts.exact()).isTrue();
            assertThat(counts.total()).isZero();
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Test
    void estimatesLargeTotalsAndFacetsFromASample() throws Exception {
        var searcher = index.searchers().acquire();
        try {
            var common = new TermQuery(new Term(IndexSchema.TITLE, "common"));
            var exact = MatchCounts.of(searcher, common, spec(), Integer.MAX_VALUE);
            var estimate = MatchCounts.of(searcher, common, spec(), 2_000);
            assertThat(exact.exact()).isTrue();
            assertThat(exact.total()).isEqualTo(searcher.count(common));
            assertThat(estimate.exact()).isFalse();
            assertThat((double) estimate.total()).isCloseTo(exact.total(), within(exact.total() * 0.05));
            for (var type = 0; type < 3; type++) {
                assertThat((double) estimate.facets().types[type])
                        .isCloseTo(exact.facets().types[type], within(exact.facets().types[type] * 0.1));
            }
            assertThat((double) tagCount(estimate, "b")).isCloseTo(tagCount(exact, "b"), within(tagCount(exact, "b") * 0.1));
        } finally {
            index.searchers().release(searcher);
        }
    }

    @SuppressWarnings("unchecked")
    private static int tagCount(MatchCounts.Counts counts, String tag) {
        return ((Map<String, Integer>) counts.facets().view().get("tags")).get(tag);
    }
}
