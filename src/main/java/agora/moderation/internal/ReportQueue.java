package agora.moderation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/**
 * The moderators' queue: reports of one state grouped by subject, in three queries per page (the subjects, their
 * reasons, their newest reports). Open reports come oldest first, so nothing waits forever behind a busy subject;
 * closed ones newest first, as history.
 */
@Repository
public class ReportQueue {

    /** Reports shown in full per subject; the counts cover them all. */
    public static final int REPORTS_SHOWN = 20;

    private final JdbcClient jdbc;

    ReportQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Page(List<QueueEntry> entries, QueueCursor next) {
    }

    private record Group(SubjectKind kind, String subjectId, long ownerId, int count, Instant oldest,
            Instant newest) {
        String key() {
            return kind.wire() + ":" + subjectId;
        }
    }

    public Page page(ReportState state, SubjectKind kind, QueueCursor after, int limit) {
        var open = state == ReportState.OPEN;
        var sortTime = open ? "min(created_at)" : "max(created_at)";
        var compare = open ? ">" : "<";
        var sql = new StringBuilder("""
                select subject_kind, subject_id, min(owner_id) as owner_id, count(*) as reports,
                    min(created_at) as oldest, max(created_at) as newest
                from reports where state = :state""");
        if (kind != null) {
            sql.append(" and subject_kind = :kind");
        }
        sql.append(" group by subject_kind, subject_id");
        if (after != null) {
            sql.append(" having %1$s %2$s :at or (%1$s = :at and (subject_kind %2$s :afterKind"
                    .formatted(sortTime, compare))
                    .append(" or (subject_kind = :afterKind and subject_id %s :afterSubject)))".formatted(compare));
        }
        var direction = open ? "asc" : "desc";
        sql.append(" order by %1$s %2$s, subject_kind %2$s, subject_id %2$s limit :limit".formatted(sortTime, direction));
        var query = jdbc.sql(sql.toString()).param("state", state.wire()).param("limit", limit + 1);
        if (kind != null) {
            query = query.param("kind", kind.wire());
        }
        if (after != null) {
            query = query.param("at", Sql.timestamp(after.at())).param("afterKind", after.kind().wire())
                    .param("afterSubject", after.subjectId());
        }
        var groups = new ArrayList<>(query.query((rs, row) -> new Group(
                SubjectKind.parse(rs.getString("subject_kind")).orElseThrow(), rs.getString("subject_id"),
                rs.getLong("owner_id"), rs.getInt("reports"), Sql.instant(rs, "oldest"), Sql.instant(rs, "newest")))
                .list());
        QueueCursor next = null;
        if (groups.size() > limit) {
            groups.removeLast();
            var last = groups.getLast();
            next = new QueueCursor(open ? last.oldest() : last.newest(), last.kind(), last.subjectId());
        }
        if (groups.isEmpty()) {
            return new Page(List.of(), null);
        }
        var reasons = reasons(state, groups);
        var reports = newestReports(state, groups);
        var entries = groups.stream().map(g -> new QueueEntry(g.kind(), g.subjectId(), g.ownerId(), g.count(),
                reasons.getOrDefault(g.key(), Map.of()), g.oldest(), g.newest(),
                reports.getOrDefault(g.key(), List.of()))).toList();
        return new Page(entries, next);
    }

    private Map<String, Map<ReportReason, Integer>> reasons(ReportState state, List<Group> groups) {
        var wanted = groups.stream().map(Group::key).toList();
        var byKey = new HashMap<String, Map<ReportReason, Integer>>();
        jdbc.sql("""
                select subject_kind, subject_id, reason, count(*) as n from reports
                where state = :state and subject_id in (:ids) group by subject_kind, subject_id, reason""")
                .param("state", state.wire()).param("ids", groups.stream().map(Group::subjectId).distinct().toList())
                .query(rs -> {
                    var key = rs.getString("subject_kind") + ":" + rs.getString("subject_id");
                    if (wanted.contains(key)) {
                        byKey.computeIfAbsent(key, k -> new EnumMap<>(ReportReason.class))
                                .put(ReportReason.parse(rs.getString("reason")).orElseThrow(), rs.getInt("n"));
                    }
                });
        return byKey;
    }

    private Map<String, List<Report>> newestReports(ReportState state, List<Group> groups) {
        var wanted = groups.stream().map(Group::key).toList();
        var byKey = new HashMap<String, List<Report>>();
        jdbc.sql("""
                select * from (
                    select id, reporter_id, subject_kind, subject_id, owner_id, reason, text, state, created_at, closed_at,
                        row_number() over (partition by subject_kind, subject_id order by created_at desc, id desc) as n
                    from reports where state = :state and subject_id in (:ids)) ranked
                where n <= :shown order by created_at desc, id desc""")
                .param("state", state.wire()).param("ids", groups.stream().map(Group::subjectId).distinct().toList())
                .param("shown", REPORTS_SHOWN)
                .query(ReportRepository::report).list()
                .forEach(r -> {
                    var key = r.kind().wire() + ":" + r.subjectId();
                    if (wanted.contains(key)) {
                        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                    }
                });
        return byKey;
    }
}
