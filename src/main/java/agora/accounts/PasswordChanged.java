package agora.accounts;

import java.time.Instant;

/** Published in the transaction that sets a new password (by the user, or through a reset). */
public record PasswordChanged(long userId, Instant changedAt) {
}
