package agora.moderation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import agora.moderation.internal.AuditEntry;
import agora.moderation.internal.QueueEntry;
import agora.moderation.internal.Report;
import agora.platform.Timestamps;

/** Request and response bodies of reports, the queue, moderators' actions and the audit log. */
final class ModerationJson {

    private ModerationJson() {
    }

    record NewReport(String kind, String subject, String reason, String text) {
    }

    record NewReportRequest(NewReport report) {
    }

    /** What the reporter sees of their report. */
    record ReportView(long id, String kind, String subject, String reason, String text, String state,
            String createdAt) {
        static ReportView of(Report r) {
            return new ReportView(r.id(), r.kind().wire(), r.subjectId(), r.reason().wire(), r.text(), r.state().wire(),
                    Timestamps.format(r.createdAt()));
        }
    }

    record ReportResponse(ReportView report) {
    }

    /** Why a moderator acts: required for every action. */
    record Because(String reason) {
    }

    /** {@code until}: an ISO-8601 instant in the future, or null (or absent) for good. */
    record SuspendRequest(String until, String reason) {
    }

    /** {@code reason} is optional here: roles are an admin's decision, recorded with or without one. */
    record RolesRequest(List<String> roles, String reason) {
    }

    /** One report in the queue, for the moderator: who reported it, why, and what they wrote. */
    record QueuedReport(long id, String reporter, String reason, String text, String createdAt) {
    }

    record QueuedSubject(String kind, String subject, String owner, int reportCount, Map<String, Integer> reasons,
            String oldestReport, String newestReport, List<QueuedReport> reports) {
        static QueuedSubject of(QueueEntry e, Map<Long, String> usernames) {
            var reasons = new LinkedHashMap<String, Integer>();
            e.reasons().forEach((reason, count) -> reasons.put(reason.wire(), count));
            return new QueuedSubject(e.kind().wire(), e.subjectId(), usernames.get(e.ownerId()), e.reportCount(),
                    reasons, Timestamps.format(e.oldest()), Timestamps.format(e.newest()),
                    e.reports().stream().map(r -> new QueuedReport(r.id(), usernames.get(r.reporterId()),
                            r.reason().wire(), r.text(), Timestamps.format(r.createdAt()))).toList());
        }
    }

    record QueueResponse(List<QueuedSubject> subjects, String nextCursor) {
    }

    /** An audit entry; {@code actor} is null once the moderator's account is deleted. */
    record Entry(long id, String actor, String action, String kind, String subject, String reason, String detail,
            String at) {
        static Entry of(AuditEntry e, Map<Long, String> usernames) {
            return new Entry(e.id(), usernames.get(e.actorId()), e.action().wire(), e.subjectKind().wire(),
                    e.subjectId(), e.reason(), e.detail(), Timestamps.format(e.at()));
        }
    }

    record AuditResponse(List<Entry> entries, String nextCursor) {
    }

    /** What an action did: its audit entry, and how many open reports it closed. */
    record ActionResponse(Entry entry, int reportsClosed) {
    }

    record UserRoles(String username, List<String> roles) {
    }

    record RolesResponse(UserRoles user) {
    }
}
