package agora.moderation.internal;

/**
 * A subject that exists, under its canonical public id (a username as registered, a comment id in decimal), with
 * the user who owns it (the author, the seller, or the user themself).
 */
public record ReportedSubject(SubjectKind kind, String id, long ownerId) {
}
