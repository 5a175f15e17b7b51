package agora.social.internal;

import java.time.Instant;

/** A post (a RealWorld "article"). {@code body} is null where a list loaded the post without it. */
public record Post(long id, String slug, String title, String description, String body, long authorId,
        int favoritesCount, int commentsCount, Instant createdAt, Instant updatedAt) {
}
