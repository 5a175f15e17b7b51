package agora.notifications.internal;

import java.time.Instant;
import java.util.Map;

/** An email as stored in the outbox and claimed for sending. */
record OutgoingEmail(long id, String messageId, Long userId, String to, String template, String subject,
        String text, String html, Map<String, String> headers, Instant createdAt, int attempts) {

    @Override
    public String toString() {
        return "OutgoingEmail[id=" + id + ", messageId=" + messageId + ", template=" + template + "]";
    }
}
