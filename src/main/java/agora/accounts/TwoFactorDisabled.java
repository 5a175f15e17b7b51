package agora.accounts;

import java.time.Instant;

/** Published in the transaction that turns two-factor login off. */
public record TwoFactorDisabled(long userId, Instant disabledAt) {
}
