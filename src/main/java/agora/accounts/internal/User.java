package agora.accounts.internal;

import java.time.Instant;

/**
 * A user as stored: identity, credentials and public profile.
 *
 * @param emailVerifiedAt when the current address was proven to be the user's; null while unverified
 */
public record User(long id, String username, String email, String passwordHash, String bio, String image,
        Role role, Instant emailVerifiedAt) {

    public enum Role {
        USER, ADMIN
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }
}
