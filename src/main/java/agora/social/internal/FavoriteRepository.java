package agora.social.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

@Repository
class FavoriteRepository {

    private final JdbcClient jdbc;

    FavoriteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this like is new (a repeated like changes nothing). */
    boolean add(long userId, long postId, Instant now) {
        return jdbc.sql("insert into favorites (user_id, post_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(userId, postId, Sql.timestamp(now)).update() == 1;
    }

    /** True when there was a like to remove. */
    boolean remove(long userId, long postId) {
        return jdbc.sql("delete from favorites where user_id = ? and post_id = ?").params(userId, postId).update() == 1;
    }

    /** Which of these posts the user likes, in one query. */
    Set<Long> favoritedAmong(long userId, Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select post_id from favorites where user_id = :u and post_id in (:ids)")
                .param("u", userId).param("ids", postIds.stream().distinct().toList()).query(Long.class).list());
    }
}
