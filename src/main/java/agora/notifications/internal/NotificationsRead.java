package agora.notifications.internal;

/**
 * Published (in the transaction that did it) when a recipient marked notifications read, so that live streams
 * can send the new unread count once it commits. Internal to the module.
 */
record NotificationsRead(long recipientId) {
}
