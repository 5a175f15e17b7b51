package agora.social.internal;

import agora.accounts.UserProfile;

/** A user as a reader sees them: public profile plus whether the reader follows them. */
public record AuthorView(String username, String bio, String image, boolean following) {

    /**
     * Shown for an author whose account is gone. Brackets are not allowed in usernames, so this never
     * names a real user.
     */
    public static final AuthorView DELETED = new AuthorView("[deleted]", null, null, false);

    static AuthorView of(UserProfile profile, boolean following) {
        return profile == null ? DELETED : new AuthorView(profile.username(), profile.bio(), profile.image(), following);
    }
}
