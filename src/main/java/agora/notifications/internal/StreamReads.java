package agora.notifications.internal;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a live stream reads, always on the primary: a stream woken by a commit must see that commit, and the read
 * replica may lag behind it. The reads join a read-write transaction, which never goes to the replica.
 */
@Component
class StreamReads {

    private final Notifications notifications;
    private final TransactionTemplate primary;

    StreamReads(Notifications notifications, PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.primary = new TransactionTemplate(transactions);
    }

    long latestPosition(long recipientId) {
        return onPrimary(() -> notifications.latestPosition(recipientId));
    }

    long unreadCount(long recipientId) {
        return onPrimary(() -> notifications.unreadCount(recipientId));
    }

    /** Changes after the position, oldest first, at most {@code limit}. */
    List<Notifications.Change> changedAfter(long recipientId, long position, int limit) {
        return onPrimary(() -> notifications.changesAfter(recipientId, position, limit));
    }

    private <T> T onPrimary(Supplier<T> read) {
        return primary.execute(status -> read.get());
    }
}
