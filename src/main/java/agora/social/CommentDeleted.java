package agora.social;

/** Published in the transaction that deletes a comment. */
public record CommentDeleted(long commentId, long postId) {
}
