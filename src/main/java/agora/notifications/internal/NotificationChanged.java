package agora.notifications.internal;

/**
 * Published (in the transaction that made it) when a recipient's notification was created or updated
 * ({@code fresh} tells which), so that its email is recorded with it and live streams wake once it commits.
 * Internal to the module.
 */
record NotificationChanged(long recipientId, long notificationId, long position, NotificationType type,
        boolean fresh) {

    /**
     * Whether this change may be emailed at once: a new notification, not a paid order's (the order confirmation is
     * that email).
     */
    boolean mayBeEmailed() {
        return fresh && type != NotificationType.ORDER_PAID;
    }
}
