package agora.moderation.internal;

import java.time.Instant;

/** One person's report on one subject. */
public record Report(long id, long reporterId, SubjectKind kind, String subjectId, long ownerId, ReportReason reason,
        String text, ReportState state, Instant createdAt, Instant closedAt) {
}
