package agora.moderation.internal;

import java.time.Instant;

/**
 * One moderator action as the audit log keeps it: who, what, on what, why, when.
 *
 * @param detail what the action set beyond itself: a suspension's end ({@code until …} or {@code for good}), the
 *        new roles; null otherwise
 */
public record AuditEntry(long id, long actorId, AuditAction action, SubjectKind subjectKind, String subjectId,
        String reason, String detail, Instant at) {
}
