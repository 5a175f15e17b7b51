package agora.social;

/** Published in the transaction that creates a post. */
public record PostPublished(long postId) {
}
