package agora.social.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

@Repository
class CommentRepository {

    private static final String COLUMNS = "c.id, c.post_id, c.author_id, c.body, c.created_at, c.updated_at, "
            + "c.hidden_reason, c.hidden_at, c.author_suspended";

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Comment insert(long postId, long authorId, String body, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into comments (post_id, author_id, body, created_at, updated_at) values (?, ?, ?, ?, ?)")
                .params(postId, authorId, body, Sql.timestamp(now), Sql.timestamp(now))
                .update(keys, "id");
        return new Comment(keys.getKeyAs(Long.class), postId, authorId, body, now, now, null, false);
    }

    Optional<Comment> find(long postId, long id) {
        return jdbc.sql("select " + COLUMNS + " from comments c where c.id = ? and c.post_id = ?").params(id, postId)
                .query(CommentRepository::map).optional();
    }

    Optional<Comment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from comments c where c.id = ?").param(id)
                .query(CommentRepository::map).optional();
    }

    /** Newest first, what the reader may see. */
    List<Comment> list(long postId, ReaderScope scope, int limit, int offset) {
        var sql = "select " + COLUMNS + " from comments c where c.post_id = :post" + scope.comments("c")
                + " order by c.id desc limit :limit offset :offset";
        return scope.bind(jdbc.sql(sql)).param("post", postId).param("limit", limit).param("offset", offset)
                .query(CommentRepository::map).list();
    }

    /** The distinct authors of the post's most recent comments, at most {@code limit}. */
    List<Long> recentAuthors(long postId, int limit) {
        return jdbc.sql("select author_id from comments where post_id = ? group by author_id order by max(id) desc limit ?")
                .params(postId, limit).query(Long.class).list();
    }

    void delete(long id) {
        jdbc.sql("delete from comments where id = ?").param(id).update();
    }

    private static Comment map(ResultSet rs, int row) throws SQLException {
        return new Comment(rs.getLong("id"), rs.getLong("post_id"), rs.getLong("author_id"), rs.getString("body"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), PostRepository.hidden(rs),
                rs.getBoolean("author_suspended"));
    }
}
