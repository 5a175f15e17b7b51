package agora.notifications.internal;

import java.util.Locale;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import agora.moderation.ReportClosed;

/**
 * Tells reporters what became of their reports, in a transaction of its own after the closing one commits. The
 * moderator stays anonymous (no actor). Once per report: the source is the report.
 */
@Component
class ModerationNotifications {

    private final Notifications notifications;

    ModerationNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(ReportClosed event) {
        var outcome = event.outcome().name().toLowerCase(Locale.ROOT);
        notifications.notify(event.reporterId(), NotificationType.REPORT_OUTCOME, subject(event.kind(), event.subject()),
                "report:" + event.reportId() + "#" + event.kind() + ":" + outcome, null);
    }

    /** Where the notification leads: the post, product or profile; a comment has no page of its own. */
    private static Subject subject(String kind, String id) {
        return switch (kind) {
            case "post", "product" -> new Subject(kind, id, id);
            case "user" -> new Subject("profile", id, id);
            default -> new Subject("report", id, id);
        };
    }
}
