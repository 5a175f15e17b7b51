package agora.accounts.internal;

import java.time.Instant;

/**
 * Someone asked for a sign-in link to this address. The request only records this (the same work whether or not an
 * account has the address); {@link SignInLinks} looks the account up and issues the link after the request,
 * as of {@code requestedAt}.
 */
public record SignInLinkRequested(String email, Instant requestedAt) {

    @Override
    public String toString() {
        return "SignInLinkRequested[]";
    }
}
