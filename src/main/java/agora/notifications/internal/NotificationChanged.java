package agora.notifications.internal;

/**
 * Published (in the transaction that made it) when a recipient's notification was created or updated
 * ({@code fresh} tells which), so that live streams and emails can follow once it commits. Internal to the module.
 */
record NotificationChanged(long recipientId, long notificationId, long position, NotificationType type,
        boolean fresh) {

    /**
     * Whether this change may be emailed at once: a new notification, not a paid order's (the order confirmation is
     * that email). {@link NotificationEmails} is not even handed the others (public for its listener condition).
     */
    public boolean mayBeEmailed() {
        return fresh && type != NotificationType.ORDER_PAID;
    }
}
