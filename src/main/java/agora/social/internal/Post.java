package agora.social.internal;

import java.time.Instant;

/**
 * A post (a RealWorld "article"). {@code body} is null where a list loaded the post without it.
 *
 * @param hidden set while a moderator hides it, else null
 * @param authorSuspended while its author is suspended (hidden too, apart from what a moderator did)
 */
public record Post(long id, String slug, String title, String description, String body, long authorId,
        int favoritesCount, int commentsCount, Instant createdAt, Instant updatedAt, Hidden hidden,
        boolean authorSuspended) {

    /** Shown to everyone (and counted in the list totals and tag counts). */
    public boolean isPublic() {
        return hidden == null && !authorSuspended;
    }
}
