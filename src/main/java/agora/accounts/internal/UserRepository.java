package agora.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

@Repository
class UserRepository {

    private static final String COLUMNS = "id, username, email, password_hash, bio, image, role, email_verified_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user that has not been deleted. */
    Optional<User> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = ? and deleted_at is null").param(id)
                .query(UserRepository::map).optional();
    }

    /** A user that has not been deleted, with its row locked until the transaction ends. */
    Optional<User> lockById(long id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = ? and deleted_at is null for update").param(id)
                .query(UserRepository::map).optional();
    }

    /** Admins but this user, their rows locked: two admins demoting each other at once cannot leave none. */
    int countAdminsOtherThan(long id) {
        return jdbc.sql("select id from users where role = 'ADMIN' and deleted_at is null and id <> ? for update")
                .param(id).query(Long.class).list().size();
    }

    void updateRole(long id, User.Role role) {
        jdbc.sql("update users set role = ? where id = ?").params(role.name(), id).update();
    }

    Optional<User> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where email_key = ? and deleted_at is null")
                .param(AccountRules.key(email)).query(UserRepository::map).optional();
    }

    boolean usernameTaken(String username, long exceptId) {
        return jdbc.sql("select count(*) from users where username_key = ? and id <> ?")
                .params(AccountRules.key(username), exceptId).query(Long.class).single() > 0;
    }

    boolean emailTaken(String email, long exceptId) {
        return jdbc.sql("select count(*) from users where email_key = ? and id <> ?")
                .params(AccountRules.key(email), exceptId).query(Long.class).single() > 0;
    }

    long insert(String username, String email, String passwordHash, User.Role role, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into users (username, username_key, email, email_key, password_hash, role, created_at, updated_at)
                values (:username, :usernameKey, :email, :emailKey, :hash, :role, :now, :now)""")
                .param("username", username).param("usernameKey", AccountRules.key(username))
                .param("email", email).param("emailKey", AccountRules.key(email))
                .param("hash", passwordHash).param("role", role.name()).param("now", Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void update(User user, Instant now) {
        jdbc.sql("""
                update users set username = :username, username_key = :usernameKey, email = :email,
                       email_key = :emailKey, password_hash = :hash, bio = :bio, image = :image,
                       email_verified_at = :verifiedAt, updated_at = :now
                where id = :id""")
                .param("username", user.username()).param("usernameKey", AccountRules.key(user.username()))
                .param("email", user.email()).param("emailKey", AccountRules.key(user.email()))
                .param("hash", user.passwordHash()).param("bio", user.bio()).param("image", user.image())
                .param("verifiedAt", Sql.timestamp(user.emailVerifiedAt()))
                .param("now", Sql.timestamp(now)).param("id", user.id())
                .update();
    }

    void updatePasswordHash(long id, String hash) {
        jdbc.sql("update users set password_hash = ? where id = ?").params(hash, id).update();
    }

    /** Marks the address verified, provided it is still the one the proof was for. */
    boolean markEmailVerified(long id, String emailKey, Instant now) {
        return jdbc.sql("""
                update users set email_verified_at = ?
                where id = ? and email_key = ? and deleted_at is null and email_verified_at is null""")
                .params(Sql.timestamp(now), id, emailKey).update() == 1;
    }

    /**
     * Replaces every piece of personal data with neutral placeholders and makes login impossible; the row
     * and its id stay, so content keeps an author.
     */
    void anonymize(long id, String placeholderName, String placeholderEmail, Instant now) {
        jdbc.sql("""
                update users set username = :name, username_key = :nameKey, email = :email, email_key = :emailKey,
                       password_hash = '', bio = null, image = null, email_verified_at = null,
                       deleted_at = :now, updated_at = :now
                where id = :id""")
                .param("name", placeholderName).param("nameKey", AccountRules.key(placeholderName))
                .param("email", placeholderEmail).param("emailKey", AccountRules.key(placeholderEmail))
                .param("now", Sql.timestamp(now)).param("id", id)
                .update();
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists (select 1 from users)").query(Boolean.class).single();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
                rs.getString("password_hash"), rs.getString("bio"), rs.getString("image"),
                User.Role.valueOf(rs.getString("role")), Sql.instant(rs, "email_verified_at"));
    }
}
