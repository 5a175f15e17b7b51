package agora.moderation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/** Reports. One open report per reporter and subject is the unique {@code open_key}, cleared on closing. */
@Repository
class ReportRepository {

    static final String COLUMNS = """
            select id, reporter_id, subject_kind, subject_id, owner_id, reason, text, state, created_at, closed_at
            from reports""";

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new report's id; empty when the reporter has an open report on this subject already. */
    Optional<Long> insertOpen(long reporterId, ReportedSubject subject, ReportReason reason, String text,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        int inserted;
        try {
            inserted = jdbc.sql("""
                insert into reports (reporter_id, subject_kind, subject_id, owner_id, reason, text, state, created_at,
                    open_key)
                values (:reporter, :kind, :subject, :owner, :reason, :text, 'open', :now, :key)
                on conflict do nothing""")
                .param("reporter", reporterId).param("kind", subject.kind().wire()).param("subject", subject.id())
                .param("owner", subject.ownerId()).param("reason", reason.wire()).param("text", text)
                .param("now", Sql.timestamp(now))
                .param("key", ReportRules.openKey(reporterId, subject.kind(), subject.id()))
                .update(keys, "id");
        } catch (DuplicateKeyException raced) {
            // H2 may refuse a concurrent twin instead of skipping it: the same outcome, one open report
            return Optional.empty();
        }
        return inserted == 1 ? Optional.of(keys.getKeyAs(Long.class)) : Optional.empty();
    }

    Optional<Report> findOpen(long reporterId, SubjectKind kind, String subjectId) {
        return jdbc.sql(COLUMNS + " where open_key = ?").param(ReportRules.openKey(reporterId, kind, subjectId))
                .query(ReportRepository::report).optional();
    }

    Optional<Report> find(long id) {
        return jdbc.sql(COLUMNS + " where id = ?").param(id).query(ReportRepository::report).optional();
    }

    /**
     * Closes the subject's open reports and answers them. The rows are locked first, so two moderators closing the
     * same subject at once close each report once: the second finds none left open.
     */
    List<Report> closeOpen(SubjectKind kind, String subjectId, ReportState outcome, long moderatorId, Instant now) {
        var open = jdbc.sql(COLUMNS + " where state = 'open' and subject_kind = ? and subject_id = ? for update")
                .params(kind.wire(), subjectId).query(ReportRepository::report).list();
        if (!open.isEmpty()) {
            jdbc.sql("""
                    update reports set state = :state, closed_at = :now, closed_by = :moderator, open_key = null
                    where id in (:ids)""")
                    .param("state", outcome.wire()).param("now", Sql.timestamp(now)).param("moderator", moderatorId)
                    .param("ids", open.stream().map(Report::id).toList()).update();
        }
        return open;
    }

    static Report report(ResultSet rs, int row) throws SQLException {
        return new Report(rs.getLong("id"), rs.getLong("reporter_id"),
                SubjectKind.parse(rs.getString("subject_kind")).orElseThrow(), rs.getString("subject_id"),
                rs.getLong("owner_id"), ReportReason.parse(rs.getString("reason")).orElseThrow(), rs.getString("text"),
                ReportState.parse(rs.getString("state")).orElseThrow(), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "closed_at"));
    }
}
