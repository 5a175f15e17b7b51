package agora.social;

/** Published in the transaction that takes a like back (only if there was one). */
public record PostUnliked(long postId, String slug, String title, long authorId, long likerId) {
}
