package agora.accounts;

/** Published in the transaction that changes a user's username, bio or image. */
public record UserProfileChanged(long userId) {
}
