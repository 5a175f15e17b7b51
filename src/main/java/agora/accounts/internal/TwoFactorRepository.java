package agora.accounts.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/** TOTP enrolments (secrets sealed by {@link SecretBox}) and hashed recovery codes. */
@Repository
class TwoFactorRepository {

    /** A user's TOTP secret; {@code enabledAt} is null while enrolment awaits its first code. */
    record Enrolment(long userId, String sealedSecret, Instant enabledAt, long lastUsedStep) {

        boolean enabled() {
            return enabledAt != null;
        }
    }

    private final JdbcClient jdbc;

    TwoFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Enrolment> find(long userId) {
        return jdbc.sql("select user_id, secret_encrypted, enabled_at, last_used_step from two_factor where user_id = ?")
                .param(userId)
                .query((rs, row) -> {
                    var enabledAt = Sql.instant(rs, "enabled_at");
                    var step = rs.getLong("last_used_step");
                    return new Enrolment(rs.getLong("user_id"), rs.getString("secret_encrypted"), enabledAt,
                            rs.wasNull() ? Long.MIN_VALUE : step);
                })
                .optional();
    }

    boolean isEnabled(long userId) {
        return jdbc.sql("select count(*) from two_factor where user_id = ? and enabled_at is not null")
                .param(userId).query(Long.class).single() > 0;
    }

    /** Starts (or restarts) enrolment with a new secret; false when two-factor login is already on. */
    boolean startEnrolment(long userId, String sealedSecret, Instant now) {
        jdbc.sql("delete from two_factor where user_id = ? and enabled_at is null").param(userId).update();
        return jdbc.sql("""
                insert into two_factor (user_id, secret_encrypted, created_at) values (?, ?, ?)
                on conflict do nothing""")
                .params(userId, sealedSecret, Sql.timestamp(now)).update() == 1;
    }

    /**
     * Records that the code of {@code step} was used; false when that step or a later one was used already,
     * which makes each code single-use even under concurrent requests.
     */
    boolean useStep(long userId, long step) {
        return jdbc.sql("""
                update two_factor set last_used_step = ?
                where user_id = ? and (last_used_step is null or last_used_step < ?)""")
                .params(step, userId, step).update() == 1;
    }

    boolean enable(long userId, Instant now) {
        return jdbc.sql("update two_factor set enabled_at = ? where user_id = ? and enabled_at is null")
                .params(Sql.timestamp(now), userId).update() == 1;
    }

    void insertRecoveryCodes(long userId, Collection<String> codeHashes) {
        jdbc.sql("delete from recovery_codes where user_id = ?").param(userId).update();
        for (var hash : codeHashes) {
            jdbc.sql("insert into recovery_codes (user_id, code_hash) values (?, ?)").params(userId, hash).update();
        }
    }

    /** Uses a recovery code up; false when it is unknown or was used before. */
    boolean useRecoveryCode(long userId, String codeHash, Instant now) {
        return jdbc.sql("update recovery_codes set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
                .params(Sql.timestamp(now), userId, codeHash).update() == 1;
    }

    /** Turns two-factor login off; false when it was not on. */
    boolean delete(long userId) {
        jdbc.sql("delete from recovery_codes where user_id = ?").param(userId).update();
        return jdbc.sql("delete from two_factor where user_id = ?").param(userId).update() == 1;
    }
}
