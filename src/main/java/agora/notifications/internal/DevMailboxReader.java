package agora.notifications.internal;

import java.util.List;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** Reads the development mailbox: emails delivered while no SMTP server is configured. */
@Component
@Conditional(DevMailboxCondition.class)
public class DevMailboxReader {

    private final EmailOutbox outbox;

    DevMailboxReader(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    /** The newest messages, to one address or to anyone. */
    public List<MailboxMessage> read(String to, int limit) {
        return outbox.mailbox(to, limit);
    }
}
