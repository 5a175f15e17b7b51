package agora.social;

/** Published in the transaction that adds a like (a repeated like adds none). */
public record PostLiked(long postId, String slug, String title, long authorId, long likerId) {
}
