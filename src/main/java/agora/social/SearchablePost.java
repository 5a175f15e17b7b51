package agora.social;

import java.time.Instant;
import java.util.List;

/**
 * A post as other modules (search) see it.
 *
 * @param tags in alphabetical order
 * @param authorUsername the author's current username (a neutral name for a deleted account)
 */
public record SearchablePost(long id, String slug, String title, String description, String body, List<String> tags,
        long authorId, String authorUsername, int favoritesCount, int commentsCount, Instant createdAt,
        Instant updatedAt) {
}
