package agora.notifications.internal;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import agora.platform.Sql;

/**
 * Makes notifications the way the module does (rows in the V12 tables and {@link NotificationChanged} in the same
 * transaction) without going through the action that causes them: for the email tests that need many, of chosen
 * types and ages, read or not.
 */
record NotificationRows(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher publisher) {

    /**
     * A new notification to {@code recipientId} about a subject with this title, by no actor the inbox still knows
     * ("Someone commented on your post “title”"); answers its id.
     */
    long create(long recipientId, NotificationType type, String title, Instant at) {
        return transactions.execute(tx -> {
            if (jdbc.sql("update notification_counters set last_position = last_position + 1 where recipient_id = ?")
                    .param(recipientId).update() == 0) {
                jdbc.sql("insert into notification_counters (recipient_id, last_position) values (?, 1)")
                        .param(recipientId).update();
            }
            var position = jdbc.sql("select last_position from notification_counters where recipient_id = ?")
                    .param(recipientId).query(Long.class).single();
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into notifications (recipient_id, position, type, subject_kind, subject_id, subject_title,
                        source, actor_count, read, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, 1, false, ?, ?)""")
                    .params(recipientId, position, type.name(), kind(type), kind(type) + "-" + position, title,
                            "test:" + java.util.UUID.randomUUID(), Sql.timestamp(at), Sql.timestamp(at))
                    .update(keys, "id");
            long id = keys.getKeyAs(Long.class);
            publisher.publishEvent(new NotificationChanged(recipientId, id, position, type, true));
            return id;
        });
    }

    private static String kind(NotificationType type) {
        return switch (type) {
            case FOLLOW -> "profile";
            case ORDER_PAID, ORDER_SHIPPED, ORDER_REFUNDED, SALE -> "order";
            case LOW_STOCK, OUT_OF_STOCK -> "product";
            default -> "post";
        };
    }

    void markRead(long notificationId) {
        jdbc.sql("update notifications set read = true where id = ?").param(notificationId).update();
    }
}
