package agora.notifications.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/** Which digests were sent (table {@code notification_digests}): one per user and day at most. */
@Repository
class DigestLog {

    private final JdbcClient jdbc;

    DigestLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The users who may be due a digest: those with unread notifications changed since then. The digest job's only
     * question across all recipients, so it is asked here rather than of the per-recipient {@link Inbox}.
     */
    List<Long> recipientsWithUnreadSince(Instant since) {
        return jdbc.sql("select distinct recipient_id from notifications where read = false and updated_at >= ?")
                .param(Sql.timestamp(since)).query(Long.class).list();
    }

    boolean sentOn(long userId, LocalDate day) {
        return jdbc.sql("select count(*) from notification_digests where user_id = ? and sent_on = ?")
                .params(userId, day).query(Long.class).single() > 0;
    }

    Optional<Instant> lastSentAt(long userId) {
        return jdbc.sql("select max(sent_at) as sent_at from notification_digests where user_id = ?").param(userId)
                .query((rs, row) -> Optional.ofNullable(Sql.instant(rs, "sent_at"))).single();
    }

    /**
     * Takes the user's digest of the day for the caller's transaction; false when another run (this node's or
     * another's) took it: the primary key lets one insert win, and a concurrent one waits for it and loses.
     */
    boolean claim(long userId, LocalDate day, Instant now) {
        return jdbc.sql("""
                insert into notification_digests (user_id, sent_on, sent_at) values (?, ?, ?)
                on conflict do nothing""")
                .params(userId, day, Sql.timestamp(now)).update() == 1;
    }

    void deleteAllOf(long userId) {
        jdbc.sql("delete from notification_digests where user_id = ?").param(userId).update();
    }
}
