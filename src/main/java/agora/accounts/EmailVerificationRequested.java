package agora.accounts;

import java.time.Instant;

/**
 * Published in the transaction that issues an email verification token (sign-up, resend, email change).
 * Carries the raw token, which exists nowhere else: accounts keeps only its hash, so the email made from
 * this event is the one way to use it. Not shown by {@link #toString()}.
 *
 * @param email the address the token verifies, and where it must be sent
 */
public record EmailVerificationRequested(long userId, String email, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "EmailVerificationRequested[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
