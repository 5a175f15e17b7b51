package agora.social.internal;

import java.time.Instant;

public record Comment(long id, long postId, long authorId, String body, Instant createdAt, Instant updatedAt) {
}
