package agora.social.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;
import agora.social.internal.FeedRanking.Candidate;
import agora.social.internal.FeedRanking.Source;

/**
 * The ranked feed's reads. Each is bounded and index-backed: followed authors' recent posts through
 * {@code posts_by_time} (or {@code posts_by_author}); the reader's recent likes and comments through
 * {@code favorites_by_user_time} and {@code comments_by_author_time} (at most {@link #RECENT_ACTIVITY} each);
 * a tag's newest posts through {@code post_tags_by_tag}. Engagement comes from the posts' counters. Candidates
 * are what the reader's {@link ReaderScope} lets them see.
 */
@Repository
class FeedCandidateRepository {

    static final int RECENT_ACTIVITY = 200;

    private static final String CANDIDATE = "select p.id, p.author_id, p.created_at, p.favorites_count, "
            + "p.comments_count from posts p ";

    private final JdbcClient jdbc;

    FeedCandidateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The authors the reader follows. */
    List<Long> followees(long reader) {
        return jdbc.sql("select followee_id from follows where follower_id = ?").param(reader).query(Long.class).list();
    }

    /**
     * The newest posts since {@code since} by these (the followed) authors. The authors come as one array
     * parameter rather than as a join with {@code follows}: PostgreSQL plans each execution for its values
     * ({@code PostgresPlans}), so the array is a constant it hashes, and the backward scan of
     * {@code posts_by_time} checks each post's author in that hash instead of probing {@code follows}' key
     * (measured on the bench world: 2.6 ms to 1.2 ms of PostgreSQL CPU, planning included, for the ~2,100 posts
     * scanned to find 300). For a reader who follows few authors, the same array lets it use
     * {@code posts_by_author} instead.
     */
    List<Candidate> followed(long reader, List<Long> authors, ReaderScope scope, Instant since, int limit) {
        return scope.bind(jdbc.sql(CANDIDATE + """
                where p.author_id = any(:authors) and p.author_id <> :reader and p.created_at >= :since"""
                + scope.posts("p") + """
                 order by p.created_at desc, p.id desc limit :limit"""))
                .param("authors", authors.toArray(Long[]::new)).param("reader", reader)
                .param("since", Sql.timestamp(since)).param("limit", limit)
                .query((rs, row) -> candidate(rs, Source.FOLLOWING)).list();
    }

    /** The reader's recent likes and comments, counted per author of the liked or commented post. */
    Map<Long, Integer> interactionsByAuthor(long reader, Instant since) {
        var counts = new HashMap<Long, Integer>();
        jdbc.sql("""
                select p.author_id, count(*) as n from (
                    (select post_id from favorites where user_id = :reader and created_at >= :since
                     order by created_at desc limit :recent)
                    union all
                    (select post_id from comments where author_id = :reader and created_at >= :since
                     order by created_at desc limit :recent)
                ) x join posts p on p.id = x.post_id
                group by p.author_id""")
                .param("reader", reader).param("since", Sql.timestamp(since)).param("recent", RECENT_ACTIVITY)
                .query((rs, row) -> counts.put(rs.getLong("author_id"), rs.getInt("n"))).list();
        return counts;
    }

    /** The tags of the posts the reader liked recently, most liked first. */
    List<Long> likedTags(long reader, Instant since, int limit) {
        return jdbc.sql("""
                select pt.tag_id from (
                    select post_id from favorites where user_id = :reader and created_at >= :since
                    order by created_at desc limit :recent
                ) f join post_tags pt on pt.post_id = f.post_id
                group by pt.tag_id order by count(*) desc, pt.tag_id limit :limit""")
                .param("reader", reader).param("since", Sql.timestamp(since)).param("recent", RECENT_ACTIVITY)
                .param("limit", limit).query(Long.class).list();
    }

    /**
     * Of the newest {@code scan} posts since {@code since} in each of these tags, the most engaging ones that the
     * reader neither wrote, nor follows the author of, nor liked already. One statement: the tags' newest posts
     * never travel to the application and back.
     */
    List<Candidate> discoverable(long reader, ReaderScope scope, List<Long> tags, Instant since, int scan,
            int limit) {
        if (tags.isEmpty() || limit == 0) {
            return List.of();
        }
        var newest = IntStream.range(0, tags.size()).mapToObj(i -> "(select post_id from post_tags where tag_id = :tag"
                + i + " and post_created_at >= :since order by post_created_at desc, post_id desc limit :scan)")
                .collect(Collectors.joining(" union all "));
        var spec = scope.bind(jdbc.sql(CANDIDATE + "where p.id in (" + newest + """
                ) and p.author_id <> :reader
                  and not exists (select 1 from follows f where f.follower_id = :reader and f.followee_id = p.author_id)
                  and not exists (select 1 from favorites l where l.user_id = :reader and l.post_id = p.id)"""
                + scope.posts("p") + """
                 order by p.favorites_count + p.comments_count desc, p.id desc limit :limit"""));
        for (var i = 0; i < tags.size(); i++) {
            spec = spec.param("tag" + i, tags.get(i));
        }
        return spec.param("since", Sql.timestamp(since)).param("scan", scan).param("reader", reader)
                .param("limit", limit)
                .query((rs, row) -> candidate(rs, Source.DISCOVERY)).list();
    }

    /**
     * The kept candidates as they are now, under the same conditions as when they were found: the followed ones
     * whose author the reader still follows, with the followed authors' posts since {@code newSince} (published
     * after the set was kept), and the discovered ones whose author the reader does not follow and that the reader
     * has not liked since; all visible to the reader's {@code scope} and younger than {@code since}. Counters are
     * read now. Followed posts come newest first, at most {@code window} of them.
     */
    List<Candidate> current(long reader, ReaderScope scope, KeptCandidates.Set kept, Instant since, Instant newSince,
            int window) {
        // "offset 0" keeps the followees a subquery that PostgreSQL hashes once, rather than probing follows' key
        // for each of the ~300 posts (measured on the bench world: 1.0 instead of 1.9 ms of PostgreSQL CPU).
        var followed = """
                 and p.author_id <> :reader and p.created_at >= :since
                 and p.author_id in (select followee_id from follows where follower_id = :reader offset 0)"""
                + scope.posts("p");
        var rows = scope.bind(jdbc.sql("""
                (select p.id, p.author_id, p.created_at, p.favorites_count, p.comments_count, false as discovered
                 from posts p where p.id = any(:followed) %1$s)
                union all
                (select p.id, p.author_id, p.created_at, p.favorites_count, p.comments_count, false as discovered
                 from posts p where p.created_at >= :newSince %1$s
                 order by p.created_at desc, p.id desc limit :window)
                union all
                (select p.id, p.author_id, p.created_at, p.favorites_count, p.comments_count, true as discovered
                 from posts p where p.id = any(:discovered) and p.author_id <> :reader and p.created_at >= :since
                  and not exists (select 1 from follows f where f.follower_id = :reader and f.followee_id = p.author_id)
                  and not exists (select 1 from favorites l where l.user_id = :reader and l.post_id = p.id) %2$s)"""
                .formatted(followed, scope.posts("p"))))
                .param("followed", boxed(kept.followed())).param("discovered", boxed(kept.discovered()))
                .param("reader", reader).param("since", Sql.timestamp(since))
                .param("newSince", Sql.timestamp(newSince)).param("window", window)
                .query((rs, row) -> candidate(rs, rs.getBoolean("discovered") ? Source.DISCOVERY : Source.FOLLOWING))
                .list();
        var newestFollowed = new LinkedHashMap<Long, Candidate>();
        rows.stream().filter(c -> c.source() == Source.FOLLOWING)
                .sorted(Comparator.comparing(Candidate::createdAt).thenComparingLong(Candidate::postId).reversed())
                .forEach(c -> newestFollowed.putIfAbsent(c.postId(), c));
        var current = new ArrayList<>(newestFollowed.values().stream().limit(window).toList());
        rows.stream().filter(c -> c.source() == Source.DISCOVERY).forEach(current::add);
        return current;
    }

    private static Long[] boxed(long[] ids) {
        return Arrays.stream(ids).boxed().toArray(Long[]::new);
    }

    private static Candidate candidate(ResultSet rs, Source source) throws SQLException {
        return new Candidate(rs.getLong("id"), rs.getLong("author_id"), Sql.instant(rs, "created_at"),
                rs.getInt("favorites_count"), rs.getInt("comments_count"), source);
    }
}
