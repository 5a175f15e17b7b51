package agora.social.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

@Repository
class TagRepository {

    private final JdbcClient jdbc;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> findId(String name) {
        return jdbc.sql("select id from tags where name = ?").param(name).query(Long.class).optional();
    }

    /** Each post's tag names, in alphabetical order; posts without tags are absent. */
    Map<Long, List<String>> namesByPost(Collection<Long> postIds) {
        var names = new HashMap<Long, List<String>>();
        if (postIds.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                select pt.post_id, t.name from post_tags pt join tags t on t.id = pt.tag_id
                where pt.post_id in (:ids) order by pt.post_id, t.name""")
                .param("ids", postIds.stream().distinct().toList())
                .query((rs, row) -> names.computeIfAbsent(rs.getLong("post_id"), k -> new ArrayList<>())
                        .add(rs.getString("name")))
                .list();
        return names;
    }

    /** The most used tags, most used first. */
    List<String> popular(int limit) {
        return jdbc.sql("select name from tags where posts_count > 0 order by posts_count desc, name limit ?")
                .param(limit).query(String.class).list();
    }

    /** Tags the post with these names (creating missing tags) and, if the post is public, counts it on each. */
    void attach(long postId, Instant postCreatedAt, Collection<String> names, boolean counted) {
        if (names.isEmpty()) {
            return;
        }
        for (var name : names) {
            jdbc.sql("insert into tags (name) values (?) on conflict do nothing").param(name).update();
        }
        var ids = jdbc.sql("select id from tags where name in (:names) order by id").param("names", names)
                .query(Long.class).list();
        for (var tagId : ids) {
            jdbc.sql("insert into post_tags (post_id, tag_id, post_created_at) values (?, ?, ?)")
                    .params(postId, tagId, Sql.timestamp(postCreatedAt)).update();
        }
        if (counted) {
            jdbc.sql("update tags set posts_count = posts_count + 1 where id in (:ids)").param("ids", ids).update();
        }
    }

    /** Removes these tags from the post (or all of them, for {@code names == null}), uncounting a public post. */
    void detach(long postId, Collection<String> names, boolean counted) {
        if (names != null && names.isEmpty()) {
            return;
        }
        var ids = names == null
                ? jdbc.sql("select tag_id from post_tags where post_id = ? order by tag_id").param(postId)
                        .query(Long.class).list()
                : jdbc.sql("""
                        select pt.tag_id from post_tags pt join tags t on t.id = pt.tag_id
                        where pt.post_id = :post and t.name in (:names) order by pt.tag_id""")
                        .param("post", postId).param("names", names).query(Long.class).list();
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("delete from post_tags where post_id = :post and tag_id in (:ids)").param("post", postId)
                .param("ids", ids).update();
        if (counted) {
            jdbc.sql("update tags set posts_count = posts_count - 1 where id in (:ids)").param("ids", ids).update();
        }
    }

    /** Counts (delta 1) or uncounts (-1) the post on each of its tags, as it becomes public or hidden. */
    void addToCounts(long postId, int delta) {
        jdbc.sql("update tags set posts_count = posts_count + ? where id in (select tag_id from post_tags where post_id = ?)")
                .params(delta, postId).update();
    }
}
