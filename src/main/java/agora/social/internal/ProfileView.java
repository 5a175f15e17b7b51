package agora.social.internal;

/**
 * A profile as a signed-in reader sees it: with whether the reader blocks or mutes that user. Both are null for
 * an anonymous reader and for the reader's own profile (nobody else ever sees them).
 */
public record ProfileView(AuthorView author, Boolean blocking, Boolean muting) {
}
