package agora.social.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/** Who a post or a comment mentions; rows go with their post or comment (cascade). */
@Repository
class MentionRepository {

    private final JdbcClient jdbc;

    MentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the mention is new. */
    boolean add(String source, long userId, long postId, Long commentId, Instant now) {
        return jdbc.sql("""
                insert into mentions (source, user_id, post_id, comment_id, created_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(source, userId, postId, commentId, Sql.timestamp(now)).update() == 1;
    }

    /** Forgets the source's mentions of users not among {@code kept}. */
    void keepOnly(String source, Collection<Long> kept) {
        if (kept.isEmpty()) {
            jdbc.sql("delete from mentions where source = ?").param(source).update();
            return;
        }
        jdbc.sql("delete from mentions where source = :source and user_id not in (:kept)").param("source", source)
                .param("kept", List.copyOf(kept)).update();
    }

    /** The users each source mentions, by user id, in one query. */
    Map<String, List<Long>> bySource(Collection<String> sources) {
        var mentioned = new HashMap<String, List<Long>>();
        if (sources.isEmpty()) {
            return mentioned;
        }
        jdbc.sql("select source, user_id from mentions where source in (:sources) order by user_id")
                .param("sources", List.copyOf(sources))
                .query((rs, row) -> mentioned.computeIfAbsent(rs.getString("source"), s -> new ArrayList<>())
                        .add(rs.getLong("user_id")))
                .list();
        return mentioned;
    }
}
