package agora.notifications.internal;

import java.time.Instant;

/** A notification row as stored: its actors live in their own table, and its text is built when it is read. */
record StoredNotification(long id, long recipientId, long position, NotificationType type, String subjectKind,
        String subjectId, String subjectTitle, String source, int actorCount, boolean read, Instant createdAt,
        Instant updatedAt) {
}
