package agora.accounts;

import java.time.Instant;

/** Published in the transaction that suspends a user. Modules hide what the user owns until it is lifted. */
public record UserSuspended(long userId, Instant until, String reason) {
}
