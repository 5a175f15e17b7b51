package agora.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/**
 * Notifications, their actors and each recipient's position counter. Every write for a recipient first takes a
 * position ({@link #nextPosition}), which locks the recipient's counter row until the transaction ends: a
 * recipient's writes happen one at a time, so look-ups followed by writes do not race.
 */
@Repository
class NotificationRepository {

    private static final String COLUMNS = """
            select id, recipient_id, position, type, subject_kind, subject_id, subject_title, source, actor_count, read,
                created_at, updated_at from notifications""";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the recipient's next position; the counter row stays locked until the transaction ends. */
    long nextPosition(long recipientId) {
        return incrementCounter(recipientId).orElseGet(() -> {
            // First notification: two transactions may get here at once; one inserts, both then increment.
            jdbc.sql("insert into notification_counters (recipient_id, last_position) values (?, 0) on conflict do nothing")
                    .param(recipientId).update();
            return incrementCounter(recipientId).orElseThrow();
        });
    }

    /** The incremented position, read back by the update itself (as its generated key); empty without a counter. */
    private Optional<Long> incrementCounter(long recipientId) {
        var position = new GeneratedKeyHolder();
        var updated = jdbc.sql("update notification_counters set last_position = last_position + 1 where recipient_id = ?")
                .param(recipientId).update(position, "last_position");
        return updated == 0 ? Optional.empty() : Optional.of(position.getKeyAs(Long.class));
    }

    long latestPosition(long recipientId) {
        return jdbc.sql("select last_position from notification_counters where recipient_id = ?").param(recipientId)
                .query(Long.class).optional().orElse(0L);
    }

    boolean exists(long recipientId, NotificationType type, String source) {
        return jdbc.sql("select count(*) from notifications where recipient_id = ? and type = ? and source = ?")
                .params(recipientId, type.name(), source).query(Long.class).single() > 0;
    }

    /** The new row's id; empty when the recipient has this type of notification from this source already. */
    Optional<Long> insert(long recipientId, long position, NotificationType type, Subject subject, String source,
            int actorCount, Instant now) {
        var keys = new GeneratedKeyHolder();
        var inserted = jdbc.sql("""
                insert into notifications (recipient_id, position, type, subject_kind, subject_id, subject_title, source,
                    actor_count, read, created_at, updated_at)
                values (:recipient, :position, :type, :kind, :subjectId, :title, :source, :actors, false, :now, :now)
                on conflict do nothing""")
                .param("recipient", recipientId).param("position", position).param("type", type.name())
                .param("kind", subject.kind()).param("subjectId", subject.id()).param("title", subject.title())
                .param("source", source).param("actors", actorCount).param("now", Sql.timestamp(now))
                .update(keys, "id");
        return inserted == 1 ? Optional.of(keys.getKeyAs(Long.class)) : Optional.empty();
    }

    /** The newest row of this type on this subject changed at or after {@code since}: the one to aggregate into. */
    Optional<Long> findAggregate(long recipientId, NotificationType type, String subjectId, Instant since) {
        return jdbc.sql("""
                select id from notifications where recipient_id = ? and type = ? and subject_id = ? and updated_at >= ?
                order by updated_at desc limit 1""")
                .params(recipientId, type.name(), subjectId, Sql.timestamp(since)).query(Long.class).optional();
    }

    /** True when the actor is new on this notification (a repeated one changes nothing). */
    boolean addActor(long notificationId, long actorId, Instant at) {
        return jdbc.sql("insert into notification_actors (notification_id, actor_id, acted_at) values (?, ?, ?) "
                + "on conflict do nothing").params(notificationId, actorId, Sql.timestamp(at)).update() == 1;
    }

    /** One more actor: the row moves to {@code position} and is unread again. */
    void addedActor(long id, long position, String subjectTitle, Instant now) {
        jdbc.sql("""
                update notifications set actor_count = actor_count + 1, position = ?, read = false, subject_title = ?,
                    updated_at = ? where id = ?""")
                .params(position, subjectTitle, Sql.timestamp(now), id).update();
    }

    /**
     * Takes the actor off the recipient's unread rows of this type (on this subject, or any when null); rows left
     * without actor go. Answers whether one went.
     */
    boolean removeUnreadActor(long recipientId, NotificationType type, String subjectId, long actorId) {
        var ids = jdbc.sql("""
                select n.id from notifications n join notification_actors a on a.notification_id = n.id
                where n.recipient_id = :r and n.type = :type and n.read = false and a.actor_id = :actor"""
                + (subjectId == null ? "" : " and n.subject_id = :subject"))
                .param("r", recipientId).param("type", type.name()).param("actor", actorId)
                .param("subject", subjectId).query(Long.class).list();
        var removed = 0;
        for (var id : ids) {
            jdbc.sql("delete from notification_actors where notification_id = ? and actor_id = ?").params(id, actorId)
                    .update();
            jdbc.sql("update notifications set actor_count = actor_count - 1 where id = ?").param(id).update();
            removed += jdbc.sql("delete from notifications where id = ? and actor_count <= 0").param(id).update();
        }
        return removed > 0;
    }

    /** Unread notifications of everyone that this source caused (e.g. {@code comment:42}); answers whose went. */
    List<Long> deleteUnreadBySource(String source) {
        var recipients = jdbc.sql("select distinct recipient_id from notifications where source = ? and read = false")
                .param(source).query(Long.class).list();
        jdbc.sql("delete from notifications where source = ? and read = false").param(source).update();
        return recipients;
    }

    /** Unread notifications of everyone about this subject (e.g. a deleted post); answers whose went. */
    List<Long> deleteUnreadBySubject(String subjectKind, String subjectId) {
        var recipients = jdbc.sql("""
                select distinct recipient_id from notifications
                where subject_kind = ? and subject_id = ? and read = false""")
                .params(subjectKind, subjectId).query(Long.class).list();
        jdbc.sql("delete from notifications where subject_kind = ? and subject_id = ? and read = false")
                .params(subjectKind, subjectId).update();
        return recipients;
    }

    /**
     * A deleted account: its own notifications go, and it stops being an actor in others'. Answers the others whose
     * notifications it acted in.
     */
    List<Long> forget(long userId) {
        var others = jdbc.sql("""
                select distinct n.recipient_id from notifications n join notification_actors a on a.notification_id = n.id
                where a.actor_id = ? and n.recipient_id <> ?""").params(userId, userId).query(Long.class).list();
        jdbc.sql("delete from notifications where recipient_id = ?").param(userId).update();
        jdbc.sql("delete from notification_counters where recipient_id = ?").param(userId).update();
        jdbc.sql("""
                update notifications set actor_count = actor_count - 1
                where id in (select notification_id from notification_actors where actor_id = ?)""").param(userId).update();
        jdbc.sql("""
                delete from notifications where actor_count <= 0
                and id in (select notification_id from notification_actors where actor_id = ?)""").param(userId).update();
        jdbc.sql("delete from notification_actors where actor_id = ?").param(userId).update();
        return others;
    }

    /** Keeps the recipient's newest {@code keep} notifications changed at or after {@code cutoff}. */
    void trim(long recipientId, int keep, Instant cutoff) {
        jdbc.sql("""
                delete from notifications where recipient_id = :r and (updated_at < :cutoff
                    or position <= (select position from notifications where recipient_id = :r
                                    order by position desc limit 1 offset :keep))""")
                .param("r", recipientId).param("cutoff", Sql.timestamp(cutoff)).param("keep", keep).update();
    }

    /** Everyone's notifications unchanged since before {@code cutoff}; answers how many went. */
    int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("delete from notifications where updated_at < ?").param(Sql.timestamp(cutoff)).update();
    }

    /** Marks read the recipient's notifications up to this position (all when null); answers how many changed. */
    int markRead(long recipientId, Long upToPosition) {
        return jdbc.sql("update notifications set read = true where recipient_id = ? and read = false and position <= ?")
                .params(recipientId, upToPosition == null ? Long.MAX_VALUE : upToPosition).update();
    }

    List<StoredNotification> page(long recipientId, long beforePosition, int limit) {
        return jdbc.sql(COLUMNS + " where recipient_id = ? and position < ? order by position desc limit ?")
                .params(recipientId, beforePosition, limit).query(NotificationRepository::map).list();
    }

    List<StoredNotification> changedAfter(long recipientId, long position, int limit) {
        return jdbc.sql(COLUMNS + " where recipient_id = ? and position > ? order by position limit ?")
                .params(recipientId, position, limit).query(NotificationRepository::map).list();
    }

    Optional<StoredNotification> find(long recipientId, long id) {
        return jdbc.sql(COLUMNS + " where recipient_id = ? and id = ?").params(recipientId, id)
                .query(NotificationRepository::map).optional();
    }

    long unreadCount(long recipientId) {
        return jdbc.sql("select count(*) from notifications where recipient_id = ? and read = false")
                .param(recipientId).query(Long.class).single();
    }

    List<StoredNotification> unreadSince(long recipientId, Instant since, Collection<NotificationType> types,
            int limit) {
        if (types.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + """
                 where recipient_id = :r and read = false and updated_at >= :since and type in (:types)
                order by position desc limit :limit""")
                .param("r", recipientId).param("since", Sql.timestamp(since))
                .param("types", types.stream().map(Enum::name).toList()).param("limit", limit)
                .query(NotificationRepository::map).list();
    }

    /** The latest {@code perNotification} actors of each notification, newest first, in one query. */
    Map<Long, List<Long>> latestActors(Collection<Long> notificationIds, int perNotification) {
        var actors = new HashMap<Long, List<Long>>();
        if (notificationIds.isEmpty()) {
            return actors;
        }
        jdbc.sql("""
                select notification_id, actor_id from (
                    select notification_id, actor_id, acted_at,
                        row_number() over (partition by notification_id order by acted_at desc, actor_id desc) as rank
                    from notification_actors where notification_id in (:ids)) ranked
                where rank <= :per order by notification_id, rank""")
                .param("ids", List.copyOf(notificationIds)).param("per", perNotification)
                .query((rs, row) -> actors.computeIfAbsent(rs.getLong("notification_id"), id -> new ArrayList<>())
                        .add(rs.getLong("actor_id")))
                .list();
        return actors;
    }

    private static StoredNotification map(ResultSet rs, int row) throws SQLException {
        return new StoredNotification(rs.getLong("id"), rs.getLong("recipient_id"), rs.getLong("position"),
                NotificationType.valueOf(rs.getString("type")), rs.getString("subject_kind"),
                rs.getString("subject_id"), rs.getString("subject_title"), rs.getString("source"),
                rs.getInt("actor_count"), rs.getBoolean("read"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
