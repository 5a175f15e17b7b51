package agora.accounts;

/** The public face of a user: what other people may see. */
public record UserProfile(long id, String username, String bio, String image) {
}
