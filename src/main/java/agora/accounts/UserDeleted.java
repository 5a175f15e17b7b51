package agora.accounts;

/**
 * Published in the transaction that deletes an account. The user's row stays, anonymized, so content keeps a
 * neutral author ({@link UserDirectory#findAllById} still answers it); modules that hold personal data or
 * search entries of the user drop them.
 */
public record UserDeleted(long userId) {
}
