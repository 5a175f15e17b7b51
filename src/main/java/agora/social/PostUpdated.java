package agora.social;

/** Published in the transaction that changes a post's title, description, body or tags. */
public record PostUpdated(long postId) {
}
