package agora.search.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the index knows of one piece of public content. Only what may be shown to anyone goes in here:
 * a source maps its module's public API record to this and nothing else.
 *
 * @param id the module's internal key (never shown; identifies the document together with the source)
 * @param publicId what clients use to fetch the item: a slug, a public id, a username
 * @param title the strongest text field (post and product titles, usernames)
 * @param tags free tags, searched, filtered on and counted
 * @param people who made it (author, seller), searched with a modest weight
 * @param ownerId the user who made it (0 for none): a change to that user's profile re-reads the document,
 *        since it carries the user's name
 * @param description short text (post description, product description, profile bio)
 * @param body long text (post body)
 * @param price products only, else null
 * @param popularity likes, sales…: a gentle tie-breaker, never a main signal
 * @param createdAt for "newest" and the gentle recency factor; null when unknown
 * @param fields type-specific public fields copied into each result as they are
 */
public record SearchDocument(SearchType type, long id, String publicId, String title, List<String> tags,
        String people, long ownerId, String description, String body, Price price, long popularity, Instant createdAt,
        Map<String, Object> fields) {

    public record Price(long amount, String currency) {
    }

    public SearchDocument {
        tags = tags == null ? List.of() : List.copyOf(tags);
        fields = fields == null ? Map.of() : fields;
    }
}
