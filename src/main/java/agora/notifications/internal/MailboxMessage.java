package agora.notifications.internal;

/** A message as the development mailbox shows it. */
public record MailboxMessage(long id, String messageId, String to, String template, String subject, String text,
        String html, String createdAt) {
}
