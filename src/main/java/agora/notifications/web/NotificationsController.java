package agora.notifications.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.notifications.internal.NotificationCursor;
import agora.notifications.internal.NotificationItem;
import agora.notifications.internal.Notifications;
import agora.platform.ApiException;

/**
 * The signed-in user's notifications, newest first (most recently created or updated), paged with the opaque
 * {@code cursor} of the previous page's {@code nextCursor}.
 */
@RestController
class NotificationsController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    record NotificationsResponse(List<NotificationItem> notifications, String nextCursor) {
    }

    record UnreadCountResponse(long unreadCount) {
    }

    /** @param upTo a notification's id: it and the older ones are marked read; absent: all */
    record ReadRequest(Long upTo) {
    }

    record ReadResponse(int marked, long unreadCount) {
    }

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/notifications")
    NotificationsResponse list(CurrentUser user, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        var before = cursor == null ? null : NotificationCursor.parse(cursor)
                .orElseThrow(() -> ApiException.invalid("cursor", "is not a cursor from nextCursor"));
        var listing = notifications.listing(user.id(), before, limit(limit));
        return new NotificationsResponse(listing.items(),
                listing.nextBefore() == null ? null : NotificationCursor.of(listing.nextBefore()));
    }

    @GetMapping("/api/notifications/unread-count")
    UnreadCountResponse unreadCount(CurrentUser user) {
        return new UnreadCountResponse(notifications.unreadCount(user.id()));
    }

    @PostMapping("/api/notifications/read")
    ReadResponse read(CurrentUser user, @RequestBody(required = false) ReadRequest request) {
        var upTo = request == null ? null : request.upTo();
        var marked = notifications.markRead(user.id(), upTo)
                .orElseThrow(() -> ApiException.notFound("notification"));
        return new ReadResponse(marked, notifications.unreadCount(user.id()));
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            var value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiException.invalid("limit", "must be a number from 1 to " + MAX_LIMIT);
    }
}
