package agora.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.springframework.stereotype.Service;

/** Runs searches against the live index and shapes the answers. */
@Service
public class SearchService {

    /** {@code totalExact} is false when {@code total} and the facet counts are estimates (see {@link MatchCounts}). */
    public record Results(List<Map<String, Object>> results, int total, boolean totalExact, Map<String, Object> facets,
            long tookMs) {
    }

    private final SearchIndex index;
    private final Clock clock;

    SearchService(SearchIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    public Results search(SearchRequest request) {
        try {
            return index.withSearcher(searcher -> search(searcher, request, clock.millis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One search on one searcher (also what the benchmark runs). */
    static Results search(IndexSearcher searcher, SearchRequest request, long nowMillis) throws IOException {
        var started = System.nanoTime();
        var plan = QueryPlan.of(request.text(), searcher.getIndexReader());
        var ranked = rank(searcher, request, plan, true, nowMillis, true);
        if (ranked.total() == 0 && plan.words().size() > 1) {
            ranked = rank(searcher, request, plan, false, nowMillis, true); // no document has every word: any will do
        }
        var results = results(searcher, request, plan, ranked);
        return new Results(results, ranked.total(), ranked.exact(), ranked.facets().view(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The page, the total and the facets. {@code byTiers} lets relevance-ordered pages come from top-k search
     * tier by tier ({@link TopTiers}); without it every match is scored (what the tiers must equal, tests check).
     */
    static RankingCollector.Ranked rank(IndexSearcher searcher, SearchRequest request, QueryPlan plan,
            boolean allWords, long nowMillis, boolean byTiers) throws IOException {
        var scored = !plan.isEmpty();
        // without searchable words (blank, or only stop words and punctuation) the filters list by the sort
        Query text = scored ? plan.matching(allWords) : new MatchAllDocsQuery();
        var restrictions = restrictions(request);
        var base = withRestrictions(text, scored ? Occur.MUST : Occur.FILTER, restrictions);
        var keep = request.offset() + request.limit();
        if (byTiers && scored && allWords && request.sort() == SortOrder.RELEVANCE) {
            // the page by top-k search tier by tier, then one unscored pass for the total and the facets
            var best = TopTiers.best(searcher, plan, restrictions, request.typeMask(), keep, nowMillis);
            if (best.isPresent()) {
                var counts = MatchCounts.of(searcher, withRestrictions(plan.counting(), Occur.FILTER, restrictions),
                        new RankingCollector.Spec(request.sort(), 0, request.typeMask(), List.of(), null, false, nowMillis),
                        MatchCounts.EXACT_UP_TO);
                return new RankingCollector.Ranked(best.get(), counts.total(), counts.exact(), counts.facets());
            }
        }
        var exactWords = new ArrayList<Weight>();
        for (var words : plan.exactWords()) {
            exactWords.add(weight(searcher, words));
        }
        var phrase = plan.phrase().isPresent() ? weight(searcher, plan.phrase().get()) : null;
        var spec = new RankingCollector.Spec(request.sort(), keep, request.typeMask(), exactWords, phrase, scored, nowMillis);
        return searcher.search(base, RankingCollector.manager(spec));
    }

    private static Weight weight(IndexSearcher searcher, Query query) throws IOException {
        return searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
    }

    /** The request's filters and the viewer's exclusions, as clauses to add to a query. */
    private static List<BooleanClause> restrictions(SearchRequest request) {
        var restrictions = new ArrayList<BooleanClause>();
        request.tags().forEach(tag -> restrictions.add(filter(new TermQuery(new Term(IndexSchema.TAG, tag)))));
        if (request.currency() != null) {
            restrictions.add(filter(new TermQuery(new Term(IndexSchema.CURRENCY, request.currency()))));
        }
        if (request.minPrice() != null || request.maxPrice() != null) {
            restrictions.add(filter(LongPoint.newRangeQuery(IndexSchema.PRICE,
                    request.minPrice() == null ? 0 : request.minPrice(),
                    request.maxPrice() == null ? Long.MAX_VALUE : request.maxPrice())));
        }
        ViewerExclusions.of(request.viewer()).ifPresent(excluded -> restrictions.add(new BooleanClause(excluded, Occur.MUST_NOT)));
        return restrictions;
    }

    private static BooleanClause filter(Query query) {
        return new BooleanClause(query, Occur.FILTER);
    }

    private static Query withRestrictions(Query query, Occur occur, List<BooleanClause> restrictions) {
        var restricted = new BooleanQuery.Builder().add(query, occur);
        restrictions.forEach(restricted::add);
        return restricted.build();
    }

    private static List<Map<String, Object>> results(IndexSearcher searcher, SearchRequest request, QueryPlan plan,
            RankingCollector.Ranked ranked) throws IOException {
        var page = ranked.hits().subList(Math.min(request.offset(), ranked.hits().size()), ranked.hits().size());
        var docs = page.stream().mapToInt(hit -> hit.doc).toArray();
        var snippets = Snippets.of(searcher, plan.isEmpty() ? new MatchNoDocsQuery() : plan.highlighting(), docs);
        var results = new ArrayList<Map<String, Object>>(page.size());
        for (var hit : page) {
            var document = IndexSchema.stored(searcher, hit.doc);
            var result = new LinkedHashMap<String, Object>();
            result.put("type", document.get("type"));
            result.put("id", document.get("id"));
            result.put("title", document.get("title"));
            result.put("snippet", snippets.get(hit.doc));
            result.put("score", plan.isEmpty() ? null : Math.round(Ranking.shownScore(hit) * 10_000) / 10_000.0);
            if (document.get("fields") instanceof Map<?, ?> fields) {
                fields.forEach((key, value) -> result.putIfAbsent((String) key, value));
            }
            results.add(result);
        }
        return results;
    }
}
