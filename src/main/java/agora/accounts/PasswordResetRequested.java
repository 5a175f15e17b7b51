package agora.accounts;

import java.time.Instant;

/**
 * Published in the transaction that issues a password reset token. Carries the raw token (accounts keeps
 * only its hash); not shown by {@link #toString()}.
 */
public record PasswordResetRequested(long userId, String email, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "PasswordResetRequested[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
