package agora.notifications.internal;

import java.util.Map;

/** A message as the development mailbox shows it. */
public record MailboxMessage(long id, String messageId, String to, String template, String subject, String text,
        String html, Map<String, String> headers, String createdAt) {
}
