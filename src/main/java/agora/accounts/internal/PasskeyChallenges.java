package agora.accounts.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/**
 * Pending passkey ceremonies, in the database so that any node can finish what another began. A challenge is stored
 * as its hash and used up by the delete that finds it, so two requests can never both use one.
 */
@Repository
class PasskeyChallenges {

    /** What a challenge was issued for; one for another purpose is refused. */
    enum Purpose {
        REGISTER, SIGN_IN, REAUTHENTICATE, SIGN_UP
    }

    private final JdbcClient jdbc;

    PasskeyChallenges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param userId whose ceremony it is; null for a sign-in, where the passkey tells, and a sign-up */
    void insert(String challenge, Purpose purpose, Long userId, Instant expiresAt) {
        jdbc.sql("insert into passkey_challenges (challenge_hash, purpose, user_id, expires_at) values (?, ?, ?, ?)")
                .params(RandomTokens.hash(challenge), purpose.name(), userId, Sql.timestamp(expiresAt)).update();
    }

    /** Uses the challenge up; false when it is unknown, expired, used already, or issued for another purpose or user. */
    boolean consume(String challenge, Purpose purpose, Long userId, Instant now) {
        var hash = RandomTokens.hash(challenge);
        var at = Sql.timestamp(now);
        var used = userId == null
                ? jdbc.sql("delete from passkey_challenges where challenge_hash = ? and purpose = ? and user_id is null"
                        + " and expires_at > ?").params(hash, purpose.name(), at)
                : jdbc.sql("delete from passkey_challenges where challenge_hash = ? and purpose = ? and user_id = ?"
                        + " and expires_at > ?").params(hash, purpose.name(), userId, at);
        return used.update() == 1;
    }

    void deleteAllOf(long userId) {
        jdbc.sql("delete from passkey_challenges where user_id = ?").param(userId).update();
    }

    int deleteExpiredBefore(Instant cutoff) {
        return jdbc.sql("delete from passkey_challenges where expires_at < ?").param(Sql.timestamp(cutoff)).update();
    }
}
