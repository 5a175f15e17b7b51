package agora.social;

/** Published in the transaction that changes a post's number of likes or comments. */
public record PostEngagementChanged(long postId) {
}
