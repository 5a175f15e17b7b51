package agora.accounts.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/** Single-use tokens sent by email, stored as hashes, each bound to the address it was sent to. */
@Repository
class EmailTokens {

    enum Purpose {
        VERIFY_EMAIL, RESET_PASSWORD, SIGN_IN_LINK, NOT_ME
    }

    /** What a usable token stands for. */
    record Issued(long userId, String emailKey) {
    }

    private final JdbcClient jdbc;

    EmailTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, long userId, Purpose purpose, String email, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into account_tokens (token_hash, user_id, purpose, email_key, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(tokenHash, userId, purpose.name(), AccountRules.key(email), Sql.timestamp(now),
                        Sql.timestamp(expiresAt))
                .update();
    }

    Optional<Issued> findUsable(String tokenHash, Purpose purpose, Instant now) {
        return jdbc.sql("""
                select user_id, email_key from account_tokens
                where token_hash = ? and purpose = ? and used_at is null and expires_at > ?""")
                .params(tokenHash, purpose.name(), Sql.timestamp(now))
                .query((rs, row) -> new Issued(rs.getLong("user_id"), rs.getString("email_key"))).optional();
    }

    /** Marks the token used; false when it was used already (by a concurrent request, say). */
    boolean use(String tokenHash, Instant now) {
        return jdbc.sql("update account_tokens set used_at = ? where token_hash = ? and used_at is null")
                .params(Sql.timestamp(now), tokenHash).update() == 1;
    }

    List<Instant> issuedSince(long userId, Purpose purpose, Instant since) {
        return jdbc.sql("select created_at from account_tokens where user_id = ? and purpose = ? and created_at > ?")
                .params(userId, purpose.name(), Sql.timestamp(since))
                .query((rs, row) -> Sql.instant(rs, "created_at")).list();
    }

    /** Voids every unused token of this purpose, e.g. older verification links after an email change. */
    void voidUnused(long userId, Purpose purpose, Instant now) {
        jdbc.sql("update account_tokens set used_at = ? where user_id = ? and purpose = ? and used_at is null")
                .params(Sql.timestamp(now), userId, purpose.name()).update();
    }

    void deleteAllOf(long userId) {
        jdbc.sql("delete from account_tokens where user_id = ?").param(userId).update();
    }

    int deleteExpiredBefore(Instant cutoff) {
        return jdbc.sql("delete from account_tokens where expires_at < ?").param(Sql.timestamp(cutoff)).update();
    }
}
