package agora.search.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import agora.platform.ApiException;
import agora.social.ViewerFilter;

/**
 * A checked search request: every parameter in range, or a 422 naming each one that is not.
 *
 * @param viewer what the signed-in viewer must not be shown ({@link ViewerFilter#NONE} for anyone else)
 */
public record SearchRequest(String text, Set<SearchType> types, List<String> tags, Long minPrice, Long maxPrice,
        String currency, SortOrder sort, int limit, int offset, ViewerFilter viewer) {

    public static final int MAX_QUERY_LENGTH = 256;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;
    public static final int MAX_TAGS = 5;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public static SearchRequest of(String q, List<String> type, List<String> tag, Long minPrice, Long maxPrice,
            String currency, String sort, Integer limit, Integer offset) {
        var errors = new LinkedHashMap<String, List<String>>();
        var text = q == null ? "" : q.strip();
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            add(errors, "q", "is too long (maximum is " + MAX_QUERY_LENGTH + " characters)");
        }
        var types = EnumSet.noneOf(SearchType.class);
        for (var name : type == null ? List.<String>of() : type) {
            SearchType.parse(name).ifPresentOrElse(types::add,
                    () -> add(errors, "type", "must be one of post, product, profile"));
        }
        var tags = new ArrayList<String>();
        for (var name : tag == null ? List.<String>of() : tag) {
            var normalized = IndexSchema.tag(name);
            if (normalized.isEmpty() || name.length() > 64) {
                add(errors, "tag", "must be 1 to 64 characters");
            } else if (!tags.contains(normalized)) {
                tags.add(normalized);
            }
        }
        if (tags.size() > MAX_TAGS) {
            add(errors, "tag", "may be given at most " + MAX_TAGS + " times");
        }
        if (minPrice != null && minPrice < 0) {
            add(errors, "minPrice", "must not be negative");
        }
        if (maxPrice != null && maxPrice < 0) {
            add(errors, "maxPrice", "must not be negative");
        }
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            add(errors, "maxPrice", "must not be below minPrice");
        }
        var code = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
        if (code != null && !CURRENCY.matcher(code).matches()) {
            add(errors, "currency", "must be an ISO-4217 code such as EUR");
        }
        if (code == null && (minPrice != null || maxPrice != null)) {
            add(errors, "currency", "is required with a price range (prices are in the currency's minor units)");
        }
        var order = sort == null || sort.isBlank() ? SortOrder.RELEVANCE : SortOrder.parse(sort).orElse(null);
        if (order == null) {
            add(errors, "sort", "must be one of relevance, newest, price_asc, price_desc");
        }
        var size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            add(errors, "limit", "must be between 1 and " + MAX_LIMIT);
        }
        var skip = offset == null ? 0 : offset;
        if (skip < 0 || skip > MAX_OFFSET) {
            add(errors, "offset", "must be between 0 and " + MAX_OFFSET);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new SearchRequest(text, types.isEmpty() ? EnumSet.allOf(SearchType.class) : types, List.copyOf(tags),
                minPrice, maxPrice, code, order, size, skip, ViewerFilter.NONE);
    }

    /** The same request for a viewer with blocks and mutes. */
    public SearchRequest forViewer(ViewerFilter filter) {
        return new SearchRequest(text, types, tags, minPrice, maxPrice, currency, sort, limit, offset, filter);
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        var messages = errors.computeIfAbsent(field, f -> new ArrayList<>());
        if (!messages.contains(message)) {
            messages.add(message);
        }
    }

    int typeMask() {
        var mask = 0;
        for (var type : types) {
            mask |= 1 << type.ordinal();
        }
        return mask;
    }
}
