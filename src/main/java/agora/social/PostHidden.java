package agora.social;

/**
 * Published in the transaction that hides a post, by a moderator or because its author was suspended. The post
 * is not deleted: it is gone for everyone but its author until it is restored ({@link PostRestored}).
 */
public record PostHidden(long postId, String slug) {
}
