package agora.search.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.AfterCommit;
import agora.platform.Sql;

/**
 * The table of changes every node tails. Sources record changes in the transaction that changes the content;
 * the local node is woken as soon as that commits, and its next pass wakes the other nodes (see
 * {@link SearchIndex}).
 */
@Repository
public class ChangeLog {

    public record Change(long id, String source, long entityId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Runnable onRecorded = () -> {
    };

    ChangeLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that the content {@code source}/{@code entityId} changed (created, updated or deleted). */
    public void record(String source, long entityId) {
        jdbc.sql("insert into search_changes (source, entity_id, changed_at) values (?, ?, ?)")
                .params(source, entityId, Sql.timestamp(clock.instant())).update();
        AfterCommit.run(onRecorded);
    }

    void onRecorded(Runnable wake) {
        this.onRecorded = wake;
    }

    /** Rows with an id above {@code afterId}, in id order. */
    List<Change> after(long afterId, int limit) {
        return jdbc.sql("select id, source, entity_id from search_changes where id > ? order by id limit ?")
                .params(afterId, limit)
                .query((rs, row) -> new Change(rs.getLong("id"), rs.getString("source"), rs.getLong("entity_id")))
                .list();
    }

    long latestId() {
        return jdbc.sql("select coalesce(max(id), 0) from search_changes").query(Long.class).single();
    }

    int deleteBefore(Instant cutoff) {
        return jdbc.sql("delete from search_changes where changed_at < ?").param(Sql.timestamp(cutoff)).update();
    }
}
