package agora.notifications.internal;

import java.time.Instant;

/** An email as stored in the outbox and claimed for sending. */
record OutgoingEmail(long id, String messageId, Long userId, String to, String template, String subject,
        String text, String html, Instant createdAt, int attempts) {

    /** The email as a claim leaves it: one more attempt. */
    OutgoingEmail attempted() {
        return new OutgoingEmail(id, messageId, userId, to, template, subject, text, html, createdAt, attempts + 1);
    }

    @Override
    public String toString() {
        return "OutgoingEmail[id=" + id + ", messageId=" + messageId + ", template=" + template + "]";
    }
}
