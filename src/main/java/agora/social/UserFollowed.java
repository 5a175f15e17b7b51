package agora.social;

/** Published in the transaction in which one user starts following another (not when already following). */
public record UserFollowed(long followerId, long followeeId) {
}
