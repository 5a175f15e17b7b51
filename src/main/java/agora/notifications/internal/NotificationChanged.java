package agora.notifications.internal;

/**
 * Published (in the transaction that made it) when a recipient's notification was created or updated
 * ({@code fresh} tells which), so that live streams and emails can follow once it commits. Internal to the module.
 */
record NotificationChanged(long recipientId, long notificationId, long position, NotificationType type,
        boolean fresh) {
}
