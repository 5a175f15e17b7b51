package agora.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** TEMPORARY stand-in until notif-core's Notifications is merged. */
@TestConfiguration
public class StandInInbox implements Inbox {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    StandInInbox(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public void add(long recipientId, String slug) {
        var updated = jdbc.sql("update notification_counters set last_position = last_position + 1 where recipient_id = ?")
                .param(recipientId).update();
        if (updated == 0) {
            jdbc.sql("insert into notification_counters values (?, 1)").param(recipientId).update();
        }
        long position = jdbc.sql("select last_position from notification_counters where recipient_id = ?")
                .param(recipientId).query(Long.class).single();
        var now = Timestamp.from(Instant.now());
        jdbc.sql("insert into notifications (recipient_id, position, type, subject_kind, subject_id, subject_title, "
                + "source, actor_count, read, created_at, updated_at) values (?, ?, 'COMMENT', 'post', ?, 't', ?, 1, false, ?, ?)")
                .params(recipientId, position, slug, "x:" + position, now, now).update();
        long id = jdbc.sql("select id from notifications where recipient_id = ? and position = ?").params(recipientId, position)
                .query(Long.class).single();
        events.publishEvent(new NotificationChanged(recipientId, id, position, NotificationType.COMMENT, true));
    }

    @Transactional
    public void readAll(long recipientId) {
        jdbc.sql("update notifications set read = true where recipient_id = ?").param(recipientId).update();
        events.publishEvent(new NotificationsRead(recipientId));
    }

    @Override
    public List<Notification> page(long recipientId, Long beforePosition, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Notification> changedAfter(long recipientId, long position, int limit) {
        return jdbc.sql("select * from notifications where recipient_id = ? and position > ? order by position limit ?")
                .params(recipientId, position, limit)
                .query((rs, i) -> new Notification(rs.getLong("id"), rs.getLong("position"), NotificationType.COMMENT,
                        List.of(), 1, "post", rs.getString("subject_id"), "text", rs.getBoolean("read"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    @Override
    public long latestPosition(long recipientId) {
        return jdbc.sql("select coalesce(max(last_position), 0) from notification_counters where recipient_id = ?")
                .param(recipientId).query(Long.class).single();
    }

    @Override
    public long unreadCount(long recipientId) {
        return jdbc.sql("select count(*) from notifications where recipient_id = ? and not read").param(recipientId)
                .query(Long.class).single();
    }

    @Override
    public Optional<Notification> find(long recipientId, long notificationId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Notification> unreadSince(long recipientId, Instant since, Set<NotificationType> types, int limit) {
        throw new UnsupportedOperationException();
    }
}
