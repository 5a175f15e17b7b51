package agora.notifications.web;

import java.util.List;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import agora.notifications.internal.DevMailboxCondition;
import agora.notifications.internal.DevMailboxReader;
import agora.notifications.internal.MailboxMessage;
import agora.platform.ApiException;

/**
 * The development mailbox: emails "sent" while no SMTP server is configured, newest first. Exists only
 * then, and never in the {@code prod} profile (the route is a 404 otherwise).
 */
@RestController
@Conditional(DevMailboxCondition.class)
class DevMailboxController {

    static final int MAX_LIMIT = 100;

    record Mailbox(List<MailboxMessage> messages) {
    }

    private final DevMailboxReader reader;

    DevMailboxController(DevMailboxReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/dev/mailbox")
    Mailbox mailbox(@RequestParam(required = false) String to, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (to != null && (to.isBlank() || to.length() > 254)) {
            throw ApiException.invalid("to", "must be an email address");
        }
        return new Mailbox(reader.read(to, limit));
    }
}
