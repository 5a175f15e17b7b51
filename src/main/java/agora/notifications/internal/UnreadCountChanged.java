package agora.notifications.internal;

/**
 * Published (in the transaction that did it) when a recipient's unread count may have changed without a
 * notification being created or updated: they marked notifications read, or unread ones were withdrawn (an unlike,
 * an unfollow, a deleted comment or account). Live streams send the new count once it commits. Internal to the module.
 */
record UnreadCountChanged(long recipientId) {
}
