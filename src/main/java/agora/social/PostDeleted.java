package agora.social;

/** Published in the transaction that deletes a post (with its comments and likes). */
public record PostDeleted(long postId, String slug) {
}
