package agora.accounts.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/** Pending second steps of two-factor logins, stored as hashes of the challenge handed to the client. */
@Repository
class LoginChallenges {

    private final JdbcClient jdbc;

    LoginChallenges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String challengeHash, long userId, Instant expiresAt) {
        jdbc.sql("insert into login_challenges (challenge_hash, user_id, expires_at) values (?, ?, ?)")
                .params(challengeHash, userId, Sql.timestamp(expiresAt)).update();
    }

    /** The user a live challenge belongs to. */
    Optional<Long> findLive(String challengeHash, Instant now) {
        return jdbc.sql("select user_id from login_challenges where challenge_hash = ? and expires_at > ?")
                .params(challengeHash, Sql.timestamp(now)).query(Long.class).optional();
    }

    /** Counts a wrong code; the challenge is void once it has seen {@code max} of them. */
    void recordWrongCode(String challengeHash, int max) {
        jdbc.sql("update login_challenges set failed_codes = failed_codes + 1 where challenge_hash = ?")
                .param(challengeHash).update();
        jdbc.sql("delete from login_challenges where challenge_hash = ? and failed_codes >= ?")
                .params(challengeHash, max).update();
    }

    /** Uses the challenge up; false when it is gone (used by a concurrent request, or void). */
    boolean consume(String challengeHash) {
        return jdbc.sql("delete from login_challenges where challenge_hash = ?").param(challengeHash).update() == 1;
    }

    void deleteAllOf(long userId) {
        jdbc.sql("delete from login_challenges where user_id = ?").param(userId).update();
    }

    int deleteExpiredBefore(Instant cutoff) {
        return jdbc.sql("delete from login_challenges where expires_at < ?").param(Sql.timestamp(cutoff)).update();
    }
}
