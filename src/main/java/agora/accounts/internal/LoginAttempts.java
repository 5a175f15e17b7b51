package agora.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/**
 * The login throttle's memory: recent failures per account and per client address, and the addresses each
 * user has logged in from. Emails and addresses are stored only as SHA-256 hashes.
 */
@Repository
class LoginAttempts {

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String accountKey(String email) {
        return sha256("account:" + AccountRules.key(email));
    }

    static String clientKey(String address) {
        return sha256("client:" + address);
    }

    List<Instant> accountFailuresSince(String accountKey, Instant since) {
        return failuresSince("account_key", accountKey, since);
    }

    List<Instant> clientFailuresSince(String clientKey, Instant since) {
        return failuresSince("client_key", clientKey, since);
    }

    private List<Instant> failuresSince(String column, String key, Instant since) {
        return jdbc.sql("select failed_at from login_failures where " + column + " = ? and failed_at > ?")
                .params(key, Sql.timestamp(since))
                .query((rs, row) -> Sql.instant(rs, "failed_at")).list();
    }

    void recordFailure(String accountKey, String clientKey, Instant at) {
        jdbc.sql("insert into login_failures (account_key, client_key, failed_at) values (?, ?, ?)")
                .params(accountKey, clientKey, Sql.timestamp(at)).update();
    }

    void clearAccountFailures(String accountKey) {
        jdbc.sql("delete from login_failures where account_key = ?").param(accountKey).update();
    }

    boolean isKnownClient(long userId, String clientKey) {
        return jdbc.sql("select count(*) from login_known_clients where user_id = ? and client_key = ?")
                .params(userId, clientKey).query(Long.class).single() > 0;
    }

    void rememberClient(long userId, String clientKey, Instant at) {
        var updated = jdbc.sql("update login_known_clients set last_success_at = ? where user_id = ? and client_key = ?")
                .params(Sql.timestamp(at), userId, clientKey).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into login_known_clients (user_id, client_key, last_success_at) values (?, ?, ?)
                    on conflict do nothing""")
                    .params(userId, clientKey, Sql.timestamp(at)).update();
        }
    }

    /** Forgets a deleted account: its failures and the clients it logged in from. */
    void forgetAccount(long userId, String email) {
        clearAccountFailures(accountKey(email));
        jdbc.sql("delete from login_known_clients where user_id = ?").param(userId).update();
    }

    int deleteFailuresBefore(Instant cutoff) {
        return jdbc.sql("delete from login_failures where failed_at < ?").param(Sql.timestamp(cutoff)).update();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
