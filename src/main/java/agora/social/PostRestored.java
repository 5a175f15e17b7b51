package agora.social;

/** Published in the transaction that makes a hidden post public again (restored, or its author's suspension lifted). */
public record PostRestored(long postId, String slug) {
}
