package agora.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.UserDirectory;
import agora.catalog.StockRunningLow;
import agora.orders.OrderPaid;
import agora.social.CommentPosted;
import agora.social.PostLiked;
import agora.social.UserFollowed;
import agora.test.AgoraTest;

/**
 * The write rules below HTTP: a redelivered event notifies once, and inboxes stay within their bounds. Uses
 * recipient ids far above any real user's, so no other test sees them.
 */
@AgoraTest
class InboxWritesTest {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000 * 1_000 + 4_000_000_000L);

    SocialNotifications social;

    CommerceNotifications commerce;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationRepository rows;

    @Autowired
    UserDirectory directory;

    @Autowired
    TransactionTemplate transaction;

    /** The listeners themselves, called at once: their proxies would run them asynchronously. */
    @Autowired
    void listeners(SocialNotifications social, CommerceNotifications commerce) {
        this.social = AopTestUtils.getUltimateTargetObject(social);
        this.commerce = AopTestUtils.getUltimateTargetObject(commerce);
    }

    @Test
    void aRedeliveredEventNotifiesOnce() {
        var author = IDS.incrementAndGet();
        var fan = IDS.incrementAndGet();
        var buyer = IDS.incrementAndGet();
        for (var delivery = 0; delivery < 2; delivery++) {
            social.on(new PostLiked(1, "slug-" + author, "Hello", author, fan));
            social.on(new CommentPosted(IDS.get() * 10, 1, "slug-" + author, "Hello", author, fan, List.of()));
            commerce.on(new OrderPaid("ord_" + buyer, buyer, List.of(new OrderPaid.Line("prd_1", "Lamp", 1, 100, 100)),
                    100, "EUR", Instant.now()));
            commerce.on(new StockRunningLow("prd_" + author, "Lamp", author, 2, 5, Instant.ofEpochMilli(42)));
        }
        var inbox = notifications.page(author, null, 10);
        assertThat(inbox).extracting(Notification::type).containsExactlyInAnyOrder(NotificationType.LIKE,
                NotificationType.COMMENT, NotificationType.LOW_STOCK);
        assertThat(inbox).filteredOn(n -> n.type() == NotificationType.LIKE).singleElement()
                .extracting(Notification::actorCount).isEqualTo(1);
        assertThat(notifications.page(buyer, null, 10)).singleElement().extracting(Notification::text)
                .isEqualTo("Your order ord_" + buyer + " was paid");
        // Positions are taken in order and an unchanged notification keeps its own.
        assertThat(notifications.latestPosition(author)).isGreaterThanOrEqualTo(3);
        assertThat(notifications.changedAfter(author, 0, 10)).extracting(Notification::position).isSorted();
    }

    @Test
    void noNotificationForOnesOwnAction() {
        var author = IDS.incrementAndGet();
        social.on(new PostLiked(1, "own", "Own", author, author));
        social.on(new UserFollowed(author, author));
        social.on(new CommentPosted(IDS.incrementAndGet(), 1, "own", "Own", author, author, List.of(author)));
        assertThat(notifications.page(author, null, 10)).isEmpty();
        assertThat(notifications.latestPosition(author)).isZero();
    }

    @Test
    void anInboxKeepsItsNewestNAndNothingPastTheRetention() {
        var clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        var small = new Notifications(rows, directory, event -> { }, new InboxProperties(Duration.ofHours(24), 3,
                Duration.ofDays(90), Duration.ofHours(1)), clock);
        var recipient = IDS.incrementAndGet();
        for (var i = 0; i < 5; i++) {
            var n = i;
            transaction.executeWithoutResult(tx -> small.notify(recipient, NotificationType.ORDER_SHIPPED,
                    new Subject("order", "o" + n, ""), "order:o" + n, null));
        }
        assertThat(small.page(recipient, null, 10)).extracting(Notification::subjectId).containsExactly("o4", "o3", "o2");
        assertThat(small.unreadCount(recipient)).isEqualTo(3);

        var later = new Notifications(rows, directory, event -> { }, new InboxProperties(Duration.ofHours(24), 3,
                Duration.ofDays(90), Duration.ofHours(1)), Clock.offset(clock, Duration.ofDays(91)));
        int swept = transaction.execute(tx -> later.sweep());
        assertThat(swept).isGreaterThanOrEqualTo(3);
        assertThat(small.page(recipient, null, 10)).isEmpty();
        assertThat(small.unreadSince(recipient, Instant.EPOCH, Set.of(NotificationType.ORDER_SHIPPED), 10)).isEmpty();
    }
}
