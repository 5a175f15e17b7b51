package agora.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default when no SMTP server is configured: an email stays in the outbox, readable at
 * {@code GET /api/dev/mailbox}, and a log line (without address or content) says so.
 */
class DevMailbox implements MailDrop {

    static final String VIA = "dev-mailbox";
    private static final Logger log = LoggerFactory.getLogger(DevMailbox.class);

    @Override
    public Connection open() {
        return new Connection() {

            @Override
            public Delivery send(OutgoingEmail email) {
                log.info("Dev mailbox: \"{}\" ({}) for user {}, Message-ID {}; read it at GET /api/dev/mailbox",
                        email.subject(), email.template(), email.userId(), email.messageId());
                return new Delivery.Accepted(VIA, true);
            }

            @Override
            public void close() {
            }
        };
    }
}
