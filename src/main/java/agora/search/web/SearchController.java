package agora.search.web;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import agora.search.internal.SearchRequest;
import agora.search.internal.SearchService;
import agora.search.internal.Suggestions;

/** Search across posts, products and people, and completions while typing. Open to everyone. */
@RestController
class SearchController {

    private final SearchService search;
    private final Suggestions suggestions;

    SearchController(SearchService search, Suggestions suggestions) {
        this.search = search;
        this.suggestions = suggestions;
    }

    @GetMapping("/api/search")
    SearchService.Results search(@RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> type, @RequestParam(required = false) List<String> tag,
            @RequestParam(required = false) Long minPrice, @RequestParam(required = false) Long maxPrice,
            @RequestParam(required = false) String currency, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return search.search(SearchRequest.of(q, type, tag, minPrice, maxPrice, currency, sort, limit, offset));
    }

    @GetMapping("/api/search/suggest")
    Map<String, List<Suggestions.Suggestion>> suggest(@RequestParam(required = false) String q) {
        return Map.of("suggestions", suggestions.suggest(q));
    }
}
