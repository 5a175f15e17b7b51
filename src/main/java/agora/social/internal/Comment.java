package agora.social.internal;

import java.time.Instant;

/**
 * @param hidden set while a moderator hides it, else null
 * @param authorSuspended while its author is suspended
 */
public record Comment(long id, long postId, long authorId, String body, Instant createdAt, Instant updatedAt,
        Hidden hidden, boolean authorSuspended) {

    /** Shown to everyone (and counted in its post's comment count). */
    public boolean isPublic() {
        return hidden == null && !authorSuspended;
    }
}
