package agora.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Top-k search tier by tier must give exactly the page, total and facets that scoring every match gives: on a
 * random corpus with few words (many matches per word, typos among them, near ties), for one-, two- and
 * three-word queries, misspelled words, type filters and deep pages.
 */
class TopTiersTest {

    private static final String[] WORDS = {"walnut", "walnot", "board", "boards", "cutting", "cuting", "ceramic",
            "ceramics", "kitchen", "kitchin", "vase", "linen", "apron", "quartz", "quarts", "clock", "chandelier",
            "chandeleir", "market", "bread", "silver", "garden", "gardens", "lantern", "lanterns", "copper", "cooper"};
    private static final long NOW = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
    private static IndexHandle index;

    @BeforeAll
    static void indexCorpus() throws Exception {
        index = IndexHandle.inMemory();
        var random = new SplittableRandom(7);
        var documents = new ArrayList<SearchDocument>();
        for (var id = 1; id <= 3_000; id++) {
            var type = SearchType.values()[random.nextInt(SearchType.values().length)];
            var price = type == SearchType.PRODUCT ? new SearchDocument.Price(100 + random.nextInt(60_000), "EUR") : null;
            // popularity and dates repeat, so that equal texts make exact ties
            documents.add(new SearchDocument(type, id, "d" + id, text(random, 2, 5), List.of(WORDS[random.nextInt(WORDS.length)]),
                    "maker", 1, text(random, 3, 10), random.nextBoolean() ? text(random, 5, 30) : null, price,
                    random.nextInt(4) * 10, Instant.ofEpochMilli(NOW - random.nextInt(3) * 86_400_000L * 20), new LinkedHashMap<>()));
        }
        index.add("test", documents);
        index.refresh();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static String text(SplittableRandom random, int min, int max) {
        var words = new ArrayList<String>();
        var count = min + random.nextInt(max - min + 1);
        for (var i = 0; i < count; i++) {
            // a skewed choice: the first words are far more common
            words.add(WORDS[Math.min(WORDS.length - 1, (int) Math.floor(Math.pow(random.nextDouble(), 2) * WORDS.length))]);
        }
        return String.join(" ", words);
    }

    @Test
    void givesThePageTotalAndFacetsOfScoringEveryMatch() throws Exception {
        var queries = new ArrayList<String>();
        for (var word : WORDS) {
            queries.add(word);
        }
        queries.addAll(List.of("walnut board", "cutting board", "walnot cuting", "ceramic vase", "kitchen walnut board",
                "board board", "vase ceramic", "quartz clock", "linen apron", "chandelier market bread", "wallnut",
                "gardenz", "lanterns copper", "copper lantern garden"));
        var searcher = index.searchers().acquire();
        try {
            var compared = 0;
            for (var q : queries) {
                for (var type : new String[] {null, "product", "post"}) {
                    for (var page : new int[][] {{10, 0}, {3, 0}, {20, 40}, {100, 0}}) {
                        var request = SearchRequest.of(q, type == null ? null : List.of(type), null, null, null, null,
                                null, page[0], page[1]);
                        var plan = QueryPlan.of(request.text(), searcher.getIndexReader());
                        var byTiers = SearchService.rank(searcher, request, plan, true, NOW, true);
                        var everything = SearchService.rank(searcher, request, plan, true, NOW, false);
                        var what = q + " type=" + type + " limit=" + page[0] + " offset=" + page[1];
                        assertThat(byTiers.total()).as(what).isEqualTo(everything.total());
                        assertThat(byTiers.facets().view()).as(what).isEqualTo(everything.facets().view());
                        assertThat(describe(byTiers.hits())).as(what).isEqualTo(describe(everything.hits()));
                        compared += everything.hits().size();
                    }
                }
            }
            assertThat(compared).as("the queries find something to compare").isGreaterThan(10_000);
        } finally {
            index.searchers().release(searcher);
        }
    }

    private static List<String> describe(List<Ranking.Hit> hits) {
        return hits.stream().map(hit -> hit.doc + "@" + hit.tier + ":" + hit.relevance).toList();
    }
}
