package agora.moderation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import agora.platform.ApiException;

/** What a report and a moderator's reason must be. Pure, so the rules are tested without Spring. */
public final class ReportRules {

    public static final int MAX_TEXT = 1000;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_REASON = 500;

    private ReportRules() {
    }

    /** A report as asked for, checked: the subject is not yet known to exist. */
    public record NewReport(SubjectKind kind, String subject, ReportReason reason, String text) {
    }

    /** Every field's problems at once (422); {@code other} needs a text saying what is wrong. */
    public static NewReport check(String kind, String subject, String reason, String text) {
        var errors = new LinkedHashMap<String, List<String>>();
        var parsedKind = SubjectKind.parse(kind);
        if (parsedKind.isEmpty()) {
            errors.put("kind", List.of(kind == null ? "is required" : "must be one of " + SubjectKind.names()));
        }
        var trimmedSubject = subject == null ? "" : subject.strip();
        if (trimmedSubject.isEmpty()) {
            errors.put("subject", List.of("is required"));
        } else if (trimmedSubject.length() > MAX_SUBJECT) {
            errors.put("subject", List.of("is too long (at most " + MAX_SUBJECT + " characters)"));
        }
        var parsedReason = ReportReason.parse(reason);
        if (parsedReason.isEmpty()) {
            errors.put("reason", List.of(reason == null ? "is required" : "must be one of " + ReportReason.names()));
        }
        var trimmedText = text == null || text.isBlank() ? null : text.strip();
        if (trimmedText != null && trimmedText.length() > MAX_TEXT) {
            errors.put("text", List.of("is too long (at most " + MAX_TEXT + " characters)"));
        } else if (trimmedText == null && parsedReason.orElse(null) == ReportReason.OTHER) {
            errors.put("text", List.of("is required when the reason is other"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new NewReport(parsedKind.get(), trimmedSubject, parsedReason.get(), trimmedText);
    }

    /** Why a moderator acts: required, so the audit log always says why. */
    public static String moderatorReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("reason", "is required");
        }
        var trimmed = reason.strip();
        if (trimmed.length() > MAX_REASON) {
            throw ApiException.invalid("reason", "is too long (at most " + MAX_REASON + " characters)");
        }
        return trimmed;
    }

    /** The value that makes a second open report by the same person on the same subject collide. */
    public static String openKey(long reporterId, SubjectKind kind, String subjectId) {
        return reporterId + ":" + kind.wire() + ":" + subjectId;
    }

    /** Nobody reports themself or what they own. */
    public static void checkNotOwn(long reporterId, ReportedSubject subject) {
        if (subject.ownerId() == reporterId) {
            throw ApiException.invalid(Map.of("subject", List.of(subject.kind() == SubjectKind.USER
                    ? "you cannot report yourself" : "you cannot report your own " + subject.kind().wire())));
        }
    }
}
