package agora.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import agora.platform.Sql;

/** TEMPORARY until notif-core is merged: reads the V12 tables, the subject title standing for the text. */
@TestConfiguration
class StubInbox {

    @Bean
    Inbox inbox(JdbcClient jdbc) {
        return new Inbox() {
            static final String SELECT = "select * from notifications where recipient_id = ? ";

            public List<Notification> page(long r, Long before, int limit) {
                throw new UnsupportedOperationException();
            }

            public List<Notification> changedAfter(long r, long p, int limit) {
                throw new UnsupportedOperationException();
            }

            public long latestPosition(long r) {
                throw new UnsupportedOperationException();
            }

            public long unreadCount(long r) {
                throw new UnsupportedOperationException();
            }

            public Optional<Notification> find(long r, long id) {
                return jdbc.sql(SELECT + "and id = ?").params(r, id).query(this::map).optional();
            }

            public List<Notification> unreadSince(long r, Instant since, Set<NotificationType> types, int limit) {
                return jdbc.sql(SELECT + "and read = false and updated_at >= ? order by position desc").params(r,
                        Sql.timestamp(since)).query(this::map).stream().filter(n -> types.contains(n.type()))
                        .limit(limit).toList();
            }

            Notification map(ResultSet rs, int row) throws SQLException {
                return new Notification(rs.getLong("id"), rs.getLong("position"),
                        NotificationType.valueOf(rs.getString("type")), List.of(), 1, rs.getString("subject_kind"),
                        rs.getString("subject_id"), rs.getString("subject_title"), rs.getBoolean("read"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
            }
        };
    }
}
