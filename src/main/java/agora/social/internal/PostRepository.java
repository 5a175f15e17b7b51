package agora.social.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

@Repository
class PostRepository {

    static final String COLUMNS = "p.id, p.slug, p.title, p.description, p.body, p.author_id, p.favorites_count, "
            + "p.comments_count, p.created_at, p.updated_at, p.hidden_reason, p.hidden_at, p.author_suspended";
    /** Lists show no bodies; leaving them out keeps list queries light. */
    static final String COLUMNS_WITHOUT_BODY = "p.id, p.slug, p.title, p.description, null as body, p.author_id, "
            + "p.favorites_count, p.comments_count, p.created_at, p.updated_at, p.hidden_reason, p.hidden_at, "
            + "p.author_suspended";
    /** Shown to everyone: neither hidden by a moderator nor by the author's suspension. */
    static final String PUBLIC = "p.hidden_at is null and not p.author_suspended";

    private final JdbcClient jdbc;

    PostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Post> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from posts p where p.slug = ?").param(slug)
                .query(PostRepository::map).optional();
    }

    /** With bodies, in id order. */
    List<Post> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from posts p where p.id in (:ids) order by p.id")
                .param("ids", ids.stream().distinct().toList()).query(PostRepository::map).list();
    }

    /** Without bodies, in id order. */
    List<Post> findSummariesById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS_WITHOUT_BODY + " from posts p where p.id in (:ids) order by p.id")
                .param("ids", ids.stream().distinct().toList()).query(PostRepository::map).list();
    }

    /** Public posts only, with bodies, in id order. */
    List<Post> findPublicById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from posts p where p.id in (:ids) and " + PUBLIC + " order by p.id")
                .param("ids", ids.stream().distinct().toList()).query(PostRepository::map).list();
    }

    /** Public posts only: a full re-index (search) must not bring hidden ones back. */
    List<Post> listPublicAfter(long afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from posts p where p.id > ? and " + PUBLIC + " order by p.id limit ?")
                .params(afterId, limit).query(PostRepository::map).list();
    }

    Set<String> takenSlugs(Collection<String> slugs) {
        return new HashSet<>(jdbc.sql("select slug from posts where slug in (:slugs)").param("slugs", slugs)
                .query(String.class).list());
    }

    /** Inserts the post and counts it in the list totals. */
    long insert(String slug, String title, String description, String body, long authorId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into posts (slug, title, description, body, author_id, created_at, updated_at)
                values (:slug, :title, :description, :body, :author, :now, :now)""")
                .param("slug", slug).param("title", title).param("description", description).param("body", body)
                .param("author", authorId).param("now", Sql.timestamp(now))
                .update(keys, "id");
        jdbc.sql("insert into author_post_counts (author_id, posts_count) values (?, 0) on conflict do nothing")
                .param(authorId).update();
        jdbc.sql("update author_post_counts set posts_count = posts_count + 1 where author_id = ?").param(authorId)
                .update();
        // The one-row total last: it is the contended row, so hold its lock as briefly as possible.
        jdbc.sql("update post_totals set posts = posts + 1 where id = 1").update();
        return keys.getKeyAs(Long.class);
    }

    void update(long id, String title, String description, String body, Instant now) {
        jdbc.sql("update posts set title = :title, description = :description, body = :body, updated_at = :now "
                + "where id = :id")
                .param("title", title).param("description", description).param("body", body)
                .param("now", Sql.timestamp(now)).param("id", id)
                .update();
    }

    /** Deletes the post (its tags, likes and comments go with it) and uncounts it (if it was counted). */
    void delete(Post post) {
        jdbc.sql("delete from posts where id = ?").param(post.id()).update();
        if (post.isPublic()) {
            addToTotals(post.authorId(), -1);
        }
    }

    /** Counts (or, with a negative delta, uncounts) posts of this author in the list totals. */
    void addToTotals(long authorId, int delta) {
        jdbc.sql("update author_post_counts set posts_count = posts_count + ? where author_id = ?")
                .params(delta, authorId).update();
        jdbc.sql("update post_totals set posts = posts + ? where id = 1").param(delta).update();
    }

    void addToFavoritesCount(long id, int delta) {
        jdbc.sql("update posts set favorites_count = favorites_count + ? where id = ?").params(delta, id).update();
    }

    void addToCommentsCount(long id, int delta) {
        jdbc.sql("update posts set comments_count = comments_count + ? where id = ?").params(delta, id).update();
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists (select 1 from posts)").query(Boolean.class).single();
    }

    static Post map(ResultSet rs, int row) throws SQLException {
        return new Post(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("description"),
                rs.getString("body"), rs.getLong("author_id"), rs.getInt("favorites_count"),
                rs.getInt("comments_count"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
                hidden(rs), rs.getBoolean("author_suspended"));
    }

    /** The moderator's hiding of a post or comment row, from its hidden_reason and hidden_at columns. */
    static Hidden hidden(ResultSet rs) throws SQLException {
        var at = Sql.instant(rs, "hidden_at");
        return at == null ? null : new Hidden(rs.getString("hidden_reason"), at);
    }
}
