package agora.accounts.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

@Repository
class SecurityEventRepository {

    private final JdbcClient jdbc;

    SecurityEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long userId, SecurityEventKind kind, Instant at, String clientAddress, String userAgent,
            boolean twoFactor, String detail) {
        jdbc.sql("""
                insert into security_events (user_id, kind, occurred_at, client_address, user_agent, two_factor, detail)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(userId, kind.name(), Sql.timestamp(at), clientAddress, userAgent, twoFactor, detail)
                .update();
    }

    /** Newest first, below the id {@code before} (null: from the newest). */
    List<SecurityEvent> page(long userId, Long before, int limit) {
        return jdbc.sql("""
                select id, user_id, kind, occurred_at, client_address, user_agent, two_factor, detail
                from security_events where user_id = ? and id < ? order by id desc limit ?""")
                .params(userId, before == null ? Long.MAX_VALUE : before, limit)
                .query((rs, row) -> new SecurityEvent(rs.getLong("id"), rs.getLong("user_id"),
                        SecurityEventKind.valueOf(rs.getString("kind")), Sql.instant(rs, "occurred_at"),
                        rs.getString("client_address"), rs.getString("user_agent"), rs.getBoolean("two_factor"),
                        rs.getString("detail")))
                .list();
    }

    void deleteAllOf(long userId) {
        jdbc.sql("delete from security_events where user_id = ?").param(userId).update();
    }

    int deleteBefore(Instant cutoff) {
        return jdbc.sql("delete from security_events where occurred_at < ?").param(Sql.timestamp(cutoff)).update();
    }

    /** Keeps only each user's newest {@code keep} entries. */
    int trimTo(int keep) {
        var over = jdbc.sql("select user_id from security_events group by user_id having count(*) > ?")
                .param(keep).query(Long.class).list();
        var deleted = 0;
        for (var userId : over) {
            var oldestKept = jdbc.sql("""
                    select id from security_events where user_id = ?
                    order by id desc offset ? rows fetch next 1 rows only""")
                    .params(userId, keep - 1).query(Long.class).optional();
            if (oldestKept.isPresent()) {
                deleted += jdbc.sql("delete from security_events where user_id = ? and id < ?")
                        .params(userId, oldestKept.get()).update();
            }
        }
        return deleted;
    }
}
