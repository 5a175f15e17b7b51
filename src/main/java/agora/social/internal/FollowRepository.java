package agora.social.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

@Repository
class FollowRepository {

    private final JdbcClient jdbc;

    FollowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this follow is new (following again changes nothing). */
    boolean follow(long follower, long followee, Instant now) {
        return jdbc.sql("insert into follows (follower_id, followee_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(follower, followee, Sql.timestamp(now)).update() == 1;
    }

    /** True when there was a follow to remove. */
    boolean unfollow(long follower, long followee) {
        return jdbc.sql("delete from follows where follower_id = ? and followee_id = ?").params(follower, followee)
                .update() == 1;
    }

    /** Which of these users the follower follows, in one query. */
    Set<Long> followedAmong(long follower, Collection<Long> users) {
        if (users.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select followee_id from follows where follower_id = :f and followee_id in (:ids)")
                .param("f", follower).param("ids", users.stream().distinct().toList()).query(Long.class).list());
    }
}
