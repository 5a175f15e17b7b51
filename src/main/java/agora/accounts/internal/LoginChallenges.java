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

    /** Whose login a live challenge continues, and whether the password it was earned with is breached. */
    record Pending(long userId, boolean passwordBreached) {
    }

    void insert(String challengeHash, long userId, boolean passwordBreached, Instant expiresAt) {
        jdbc.sql("insert into login_challenges (challenge_hash, user_id, password_breached, expires_at)"
                + " values (?, ?, ?, ?)").params(challengeHash, userId, passwordBreached, Sql.timestamp(expiresAt))
                .update();
    }

    Optional<Pending> findLive(String challengeHash, Instant now) {
        return jdbc.sql("select user_id, password_breached from login_challenges"
                + " where challenge_hash = ? and expires_at > ?").params(challengeHash, Sql.timestamp(now))
                .query((rs, row) -> new Pending(rs.getLong(1), rs.getBoolean(2))).optional();
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
