package agora.search.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.search.internal.SearchRequest;
import agora.search.internal.SearchService;
import agora.search.internal.Suggestions;
import agora.social.Relationships;
import agora.social.ViewerFilter;

/**
 * Search across posts, products and people, and completions while typing. Open to everyone; a signed-in viewer's
 * results leave out the people they blocked, who blocked them or whom they muted, and muted tags.
 */
@RestController
class SearchController {

    private final SearchService search;
    private final Suggestions suggestions;
    private final Relationships relationships;

    SearchController(SearchService search, Suggestions suggestions, Relationships relationships) {
        this.search = search;
        this.suggestions = suggestions;
        this.relationships = relationships;
    }

    @GetMapping("/api/search")
    SearchService.Results search(Optional<CurrentUser> user, @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> type, @RequestParam(required = false) List<String> tag,
            @RequestParam(required = false) Long minPrice, @RequestParam(required = false) Long maxPrice,
            @RequestParam(required = false) String currency, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        var request = SearchRequest.of(q, type, tag, minPrice, maxPrice, currency, sort, limit, offset);
        return search.search(request.forViewer(viewer(user)));
    }

    @GetMapping("/api/search/suggest")
    Map<String, List<Suggestions.Suggestion>> suggest(Optional<CurrentUser> user,
            @RequestParam(required = false) String q) {
        return Map.of("suggestions", suggestions.suggest(q, viewer(user)));
    }

    private ViewerFilter viewer(Optional<CurrentUser> user) {
        return user.map(u -> relationships.filterFor(u.id())).orElse(ViewerFilter.NONE);
    }
}
