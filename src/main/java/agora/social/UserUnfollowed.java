package agora.social;

/** Published in the transaction in which one user stops following another (only if they followed). */
public record UserUnfollowed(long followerId, long followeeId) {
}
