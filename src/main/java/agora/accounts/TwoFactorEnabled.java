package agora.accounts;

import java.time.Instant;

/** Published in the transaction that turns two-factor login on. */
public record TwoFactorEnabled(long userId, Instant enabledAt) {
}
