package agora.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/** Users' passkeys and their WebAuthn user handles. */
@Repository
class PasskeyRepository {

    /** What a ceremony needs of a stored passkey. */
    record Stored(long userId, String credentialId, String credentialData, long signCount) {
    }

    private final JdbcClient jdbc;

    PasskeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws DuplicateKeyException when the credential is registered already (to anyone) */
    void insert(long userId, String credentialId, String credentialData, long signCount, List<String> transports,
            String name, Instant createdAt) {
        jdbc.sql("insert into passkeys (user_id, credential_id, credential_data, sign_count, transports, name,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(userId, credentialId, credentialData, signCount, String.join(",", transports), name,
                        Sql.timestamp(createdAt))
                .update();
    }

    Optional<Stored> find(String credentialId) {
        return jdbc.sql("select user_id, credential_id, credential_data, sign_count from passkeys where credential_id = ?")
                .param(credentialId)
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    List<Passkey> listOf(long userId) {
        return jdbc.sql("select credential_id, name, transports, created_at, last_used_at from passkeys"
                + " where user_id = ? order by created_at, id").param(userId).query(PasskeyRepository::passkey).list();
    }

    int countOf(long userId) {
        return jdbc.sql("select count(*) from passkeys where user_id = ?").param(userId).query(Integer.class).single();
    }

    boolean rename(long userId, String credentialId, String name) {
        return jdbc.sql("update passkeys set name = ? where user_id = ? and credential_id = ?")
                .params(name, userId, credentialId).update() == 1;
    }

    boolean delete(long userId, String credentialId) {
        return jdbc.sql("delete from passkeys where user_id = ? and credential_id = ?")
                .params(userId, credentialId).update() == 1;
    }

    /**
     * Records a sign-in and its new counter, only if the counter is still the one the assertion was checked against:
     * false when a concurrent sign-in with the same passkey got there first.
     */
    boolean recordUse(String credentialId, long checkedCount, long newCount, Instant at) {
        return jdbc.sql("update passkeys set sign_count = ?, last_used_at = ? where credential_id = ? and sign_count = ?")
                .params(newCount, Sql.timestamp(at), credentialId, checkedCount).update() == 1;
    }

    /** The user's WebAuthn user handle (base64url), created on first use. */
    String userHandle(long userId) {
        return findUserHandle(userId).orElseGet(() -> {
            try {
                insertUserHandle(userId, RandomTokens.generate());
            } catch (DuplicateKeyException concurrentlyCreated) {
                // the other request's handle is as good as ours
            }
            return findUserHandle(userId).orElseThrow();
        });
    }

    void insertUserHandle(long userId, String userHandle) {
        jdbc.sql("insert into passkey_user_handles (user_id, user_handle) values (?, ?)").params(userId, userHandle)
                .update();
    }

    Optional<String> findUserHandle(long userId) {
        return jdbc.sql("select user_handle from passkey_user_handles where user_id = ?").param(userId)
                .query(String.class).optional();
    }

    void deleteAllOf(long userId) {
        jdbc.sql("delete from passkeys where user_id = ?").param(userId).update();
        jdbc.sql("delete from passkey_user_handles where user_id = ?").param(userId).update();
    }

    private static Passkey passkey(ResultSet rs, int row) throws SQLException {
        var transports = rs.getString("transports");
        return new Passkey(rs.getString("credential_id"), rs.getString("name"),
                transports.isEmpty() ? List.of() : Arrays.asList(transports.split(",")),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "last_used_at"));
    }
}
