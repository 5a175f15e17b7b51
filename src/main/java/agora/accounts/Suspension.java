package agora.accounts;

import java.time.Instant;

/**
 * An account taken out of use by a moderator: its owner cannot sign in, and its content and products are hidden
 * until the suspension ends.
 *
 * @param until when it ends by itself, or null for good
 */
public record Suspension(long userId, Instant since, Instant until, String reason) {

    public boolean isForGood() {
        return until == null;
    }
}
