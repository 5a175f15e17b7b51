package agora.social.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/**
 * The two ways posts and comments are hidden: by a moderator (hidden_at, hidden_reason) and by their author's
 * suspension (author_suspended). Each is set and cleared on its own, so one never undoes the other.
 */
@Repository
class HiddenContentRepository {

    private final JdbcClient jdbc;

    HiddenContentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void hidePost(long id, String reason, Instant now) {
        jdbc.sql("update posts set hidden_reason = ?, hidden_at = ? where id = ?")
                .params(reason, Sql.timestamp(now), id).update();
    }

    void restorePost(long id) {
        jdbc.sql("update posts set hidden_reason = null, hidden_at = null where id = ?").param(id).update();
    }

    void hideComment(long id, String reason, Instant now) {
        jdbc.sql("update comments set hidden_reason = ?, hidden_at = ? where id = ?")
                .params(reason, Sql.timestamp(now), id).update();
    }

    void restoreComment(long id) {
        jdbc.sql("update comments set hidden_reason = null, hidden_at = null where id = ?").param(id).update();
    }

    /** The author's posts not yet marked with {@code suspended}, through {@code posts_by_author}. */
    List<Post> postsToMark(long authorId, boolean suspended) {
        return jdbc.sql("select " + PostRepository.COLUMNS_WITHOUT_BODY
                + " from posts p where p.author_id = ? and p.author_suspended <> ? order by p.id")
                .params(authorId, suspended).query(PostRepository::map).list();
    }

    void markPosts(long authorId, boolean suspended) {
        jdbc.sql("update posts set author_suspended = ? where author_id = ? and author_suspended <> ?")
                .params(suspended, authorId, suspended).update();
    }

    /** The author's comments not yet marked with {@code suspended}: their post and whether they are public now. */
    List<Comment> commentsToMark(long authorId, boolean suspended) {
        return jdbc.sql("""
                select c.id, c.post_id, c.author_id, c.created_at, c.updated_at, c.hidden_reason, c.hidden_at,
                       c.author_suspended
                from comments c where c.author_id = ? and c.author_suspended <> ? order by c.id""")
                .params(authorId, suspended)
                .query((rs, row) -> new Comment(rs.getLong("id"), rs.getLong("post_id"), rs.getLong("author_id"),
                        null, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), PostRepository.hidden(rs),
                        rs.getBoolean("author_suspended")))
                .list();
    }

    void markComments(long authorId, boolean suspended) {
        jdbc.sql("update comments set author_suspended = ? where author_id = ? and author_suspended <> ?")
                .params(suspended, authorId, suspended).update();
    }
}
