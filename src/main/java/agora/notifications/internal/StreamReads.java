package agora.notifications.internal;

import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.UserDirectory;
import agora.accounts.UserProfile;

/**
 * What a live stream reads, always on the primary: a stream woken by a commit must see that commit, and the read
 * replica may lag behind it (a read-write transaction never goes to the replica).
 */
@Component
class StreamReads {

    /** A change to deliver: the notification's position (the event id) and its JSON. */
    record Change(long position, NotificationJson notification) {
    }

    private final Inbox inbox;
    private final UserDirectory directory;
    private final TransactionTemplate primary;

    StreamReads(Inbox inbox, UserDirectory directory, PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.directory = directory;
        this.primary = new TransactionTemplate(transactions);
    }

    long latestPosition(long recipientId) {
        return onPrimary(() -> inbox.latestPosition(recipientId));
    }

    long unreadCount(long recipientId) {
        return onPrimary(() -> inbox.unreadCount(recipientId));
    }

    /** Changes after the position, oldest first, at most {@code limit}. */
    List<Change> changedAfter(long recipientId, long position, int limit) {
        var changed = onPrimary(() -> inbox.changedAfter(recipientId, position, limit));
        var images = new HashMap<String, String>();
        return changed.stream().map(n -> new Change(n.position(), NotificationJson.of(n, name -> images
                .computeIfAbsent(name, this::imageOf)))).toList();
    }

    private String imageOf(String username) {
        return directory.findByUsername(username).map(UserProfile::image).orElse(null);
    }

    private <T> T onPrimary(Supplier<T> read) {
        return primary.execute(status -> read.get());
    }
}
