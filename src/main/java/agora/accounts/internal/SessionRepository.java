package agora.accounts.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/** Sessions live in the database so that a revocation holds on every node. */
@Repository
class SessionRepository {

    /** What a valid session tells about its user. A suspended user's sessions are not valid. */
    record ActiveSession(UUID id, long userId, String username, User.Role role) {
    }

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, long userId, Instant createdAt, Instant expiresAt, String clientAddress, String userAgent) {
        jdbc.sql("""
                insert into sessions (id, user_id, created_at, confirmed_at, expires_at, last_used_at, client_address,
                                      user_agent)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, userId, Sql.timestamp(createdAt), Sql.timestamp(createdAt), Sql.timestamp(expiresAt),
                        Sql.timestamp(createdAt), clientAddress, userAgent)
                .update();
    }

    /** The user's sessions that still stand, newest first (backed by {@code sessions_by_user}). */
    List<ListedSession> listActive(long userId, Instant now, int limit) {
        return jdbc.sql("""
                select id, created_at, last_used_at, client_address, user_agent from sessions
                where user_id = ? and revoked_at is null and expires_at > ?
                order by created_at desc, id limit ?""")
                .params(userId, Sql.timestamp(now), limit)
                .query((rs, row) -> new ListedSession(rs.getObject("id", UUID.class), Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "last_used_at"), rs.getString("client_address"), rs.getString("user_agent")))
                .list();
    }

    /** Records a use unless one after {@code staleSince} is recorded already (by another node, say). */
    void recordUse(UUID id, Instant now, Instant staleSince) {
        jdbc.sql("update sessions set last_used_at = ? where id = ? and (last_used_at is null or last_used_at <= ?)")
                .params(Sql.timestamp(now), id, Sql.timestamp(staleSince)).update();
    }

    Optional<Instant> confirmedAt(UUID id) {
        return jdbc.sql("select confirmed_at from sessions where id = ? and revoked_at is null").param(id)
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).optional();
    }

    void confirm(UUID id, Instant now) {
        jdbc.sql("update sessions set confirmed_at = ? where id = ?").params(Sql.timestamp(now), id).update();
    }

    Optional<ActiveSession> findActive(UUID id, Instant now) {
        return jdbc.sql("""
                select s.id, s.user_id, u.username, u.role
                from sessions s join users u on u.id = s.user_id
                where s.id = ? and s.revoked_at is null and s.expires_at > ? and u.deleted_at is null
                  and not exists (select 1 from suspensions x where x.user_id = s.user_id and x.lifted_at is null
                                  and (x.until is null or x.until > ?))""")
                .params(id, Sql.timestamp(now), Sql.timestamp(now))
                .query((rs, row) -> new ActiveSession(rs.getObject("id", UUID.class), rs.getLong("user_id"),
                        rs.getString("username"), User.Role.valueOf(rs.getString("role"))))
                .optional();
    }

    void revoke(UUID id, Instant now) {
        jdbc.sql("update sessions set revoked_at = ? where id = ? and revoked_at is null")
                .params(Sql.timestamp(now), id).update();
    }

    /** Revokes the session if it is the user's and still stands; false otherwise. */
    boolean revokeOwn(long userId, UUID id, Instant now) {
        return jdbc.sql("update sessions set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
                .params(Sql.timestamp(now), id, userId).update() == 1;
    }

    void revokeAllExcept(long userId, UUID keep, Instant now) {
        jdbc.sql("update sessions set revoked_at = ? where user_id = ? and id <> ? and revoked_at is null")
                .params(Sql.timestamp(now), userId, keep).update();
    }

    void revokeAll(long userId, Instant now) {
        jdbc.sql("update sessions set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(Sql.timestamp(now), userId).update();
    }

    void deleteAllOf(long userId) {
        jdbc.sql("delete from sessions where user_id = ?").param(userId).update();
    }

    int deleteEndedBefore(Instant cutoff) {
        return jdbc.sql("delete from sessions where expires_at < ? or revoked_at < ?")
                .params(Sql.timestamp(cutoff), Sql.timestamp(cutoff)).update();
    }
}
