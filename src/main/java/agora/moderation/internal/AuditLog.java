package agora.moderation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/**
 * The moderators' audit log. Append-only by construction: this class, the only one that touches the table, has an
 * insert and selects, nothing that updates or deletes.
 */
@Repository
public class AuditLog {

    private static final String COLUMNS = """
            select id, actor_id, action, subject_kind, subject_id, reason, detail, at from audit_log""";

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AuditEntry append(long actorId, AuditAction action, ReportedSubject subject, String reason, String detail,
            Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into audit_log (actor_id, action, subject_kind, subject_id, reason, detail, at)
                values (:actor, :action, :kind, :subject, :reason, :detail, :at)""")
                .param("actor", actorId).param("action", action.wire()).param("kind", subject.kind().wire())
                .param("subject", subject.id()).param("reason", reason).param("detail", detail)
                .param("at", Sql.timestamp(at)).update(keys, "id");
        return new AuditEntry(keys.getKeyAs(Long.class), actorId, action, subject.kind(), subject.id(), reason, detail,
                at);
    }

    /**
     * Newest first, below the id {@code before} (null: from the newest); only this actor's (when not null) and on
     * this subject id (when not null).
     */
    public List<AuditEntry> page(Long actorId, String subjectId, Long before, int limit) {
        var sql = new StringBuilder(COLUMNS).append(" where id < :before");
        if (actorId != null) {
            sql.append(" and actor_id = :actor");
        }
        if (subjectId != null) {
            sql.append(" and subject_id = :subject");
        }
        sql.append(" order by id desc limit :limit");
        var query = jdbc.sql(sql.toString()).param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit);
        if (actorId != null) {
            query = query.param("actor", actorId);
        }
        if (subjectId != null) {
            query = query.param("subject", subjectId);
        }
        return query.query(AuditLog::entry).list();
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getLong("actor_id"),
                AuditAction.valueOf(rs.getString("action").toUpperCase(Locale.ROOT)),
                SubjectKind.parse(rs.getString("subject_kind")).orElseThrow(), rs.getString("subject_id"),
                rs.getString("reason"), rs.getString("detail"), Sql.instant(rs, "at"));
    }
}
