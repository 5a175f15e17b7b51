package agora.accounts;

import java.time.Instant;

/**
 * Published in the transaction that issues an email sign-in link. Carries the raw token (accounts keeps only its
 * hash); not shown by {@link #toString()}.
 */
public record SignInLinkIssued(long userId, String email, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "SignInLinkIssued[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
