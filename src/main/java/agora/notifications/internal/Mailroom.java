package agora.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

import agora.platform.AfterCommit;

/**
 * Where listeners post emails: renders the template pair, records the email in the outbox (once per key)
 * with a Message-ID it keeps on every attempt, and has it delivered as soon as the recording commits.
 */
@Service
public class Mailroom {

    private final EmailTemplates templates;
    private final EmailOutbox outbox;
    private final Postman postman;
    private final MessageIds messageIds;
    private final TaskExecutor executor;
    private final Duration lease;
    private final Clock clock;

    Mailroom(EmailTemplates templates, EmailOutbox outbox, Postman postman, MessageIds messageIds,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, NotificationsProperties properties,
            Clock clock) {
        this.templates = templates;
        this.outbox = outbox;
        this.postman = postman;
        this.messageIds = messageIds;
        this.executor = executor;
        this.lease = properties.delivery().lease();
        this.clock = clock;
    }

    /**
     * Records the email in the caller's transaction (a listener's), claimed for this node, which sends it as soon
     * as that commits: no other node takes it before the lease runs out.
     */
    public void post(Email email) {
        var content = templates.render(email.template(), email.model());
        var now = clock.instant();
        outbox.record(email, content, messageIds.next(), now, now.plus(lease)).ifPresent(this::deliverAfterCommit);
    }

    /**
     * Delivery runs on another thread: in {@code afterCommit} the committed transaction's connection is still
     * bound to this one, and SMTP must neither hold it nor have its bookkeeping join a finished transaction.
     */
    private void deliverAfterCommit(OutgoingEmail email) {
        AfterCommit.run(() -> executor.execute(() -> postman.deliver(email)));
    }

    /** Message-IDs: unique and in our own domain (RFC 5322 §3.6.4). */
    record MessageIds(String domain) {

        String next() {
            return "<" + UUID.randomUUID() + "@" + domain + ">";
        }
    }
}
