package agora.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reading a recipient's notifications: what the REST API, the live stream and the digest need. */
interface Inbox {

    /** The newest first, before {@code beforePosition} (null: from the newest), at most {@code limit}. */
    List<Notification> page(long recipientId, Long beforePosition, int limit);

    /** Changed after {@code position}, oldest change first, at most {@code limit}: for resuming a stream. */
    List<Notification> changedAfter(long recipientId, long position, int limit);

    /** The recipient's latest position (0 when there is none yet). */
    long latestPosition(long recipientId);

    long unreadCount(long recipientId);

    Optional<Notification> find(long recipientId, long notificationId);

    /** Unread notifications of these types that changed at or after {@code since}, newest first: for a digest. */
    List<Notification> unreadSince(long recipientId, Instant since, Set<NotificationType> types, int limit);
}
