package agora.accounts.internal;

/** A user as stored: identity, credentials and public profile. */
public record User(long id, String username, String email, String passwordHash, String bio, String image,
        Role role) {

    public enum Role {
        USER, ADMIN
    }
}
