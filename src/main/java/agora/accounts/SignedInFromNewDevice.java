package agora.accounts;

import java.time.Instant;

/**
 * Published in the transaction of a sign-in from a device (client address and user agent) the account had not
 * used. Carries the raw single-use "this wasn't me" token (accounts keeps only its hash); not shown by
 * {@link #toString()}.
 */
public record SignedInFromNewDevice(long userId, String email, Instant signedInAt, String clientAddress,
        String userAgent, String notMeToken, Instant notMeExpiresAt) {

    @Override
    public String toString() {
        return "SignedInFromNewDevice[userId=" + userId + ", signedInAt=" + signedInAt + "]";
    }
}
