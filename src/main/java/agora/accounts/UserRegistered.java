package agora.accounts;

/** Published in the transaction that creates a user. */
public record UserRegistered(long userId, String username) {
}
