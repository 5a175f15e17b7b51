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

    private static final String COLUMNS = "id, username, email, password_hash, bio, image, role";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<User> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = ?").param(id).query(UserRepository::map)
                .optional();
    }

    Optional<User> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where email_key = ?").param(AccountRules.key(email))
                .query(UserRepository::map).optional();
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
                       email_key = :emailKey, password_hash = :hash, bio = :bio, image = :image, updated_at = :now
                where id = :id""")
                .param("username", user.username()).param("usernameKey", AccountRules.key(user.username()))
                .param("email", user.email()).param("emailKey", AccountRules.key(user.email()))
                .param("hash", user.passwordHash()).param("bio", user.bio()).param("image", user.image())
                .param("now", Sql.timestamp(now)).param("id", user.id())
                .update();
    }

    void updatePasswordHash(long id, String hash) {
        jdbc.sql("update users set password_hash = ? where id = ?").params(hash, id).update();
    }

    void markEmailVerified(long id, Instant at) {
        jdbc.sql("update users set email_verified_at = ? where id = ? and email_verified_at is null")
                .params(Sql.timestamp(at), id).update();
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists (select 1 from users)").query(Boolean.class).single();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
                rs.getString("password_hash"), rs.getString("bio"), rs.getString("image"),
                User.Role.valueOf(rs.getString("role")));
    }
}
