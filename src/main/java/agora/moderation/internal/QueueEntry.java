package agora.moderation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One subject in the report queue, with its reports of one state: how many, for which reasons, since when, and
 * the newest of them in full ({@link ReportQueue#REPORTS_SHOWN} at most).
 */
public record QueueEntry(SubjectKind kind, String subjectId, long ownerId, int reportCount,
        Map<ReportReason, Integer> reasons, Instant oldest, Instant newest, List<Report> reports) {
}
