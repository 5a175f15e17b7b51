package agora.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.accounts.Suspension;
import agora.platform.Sql;

/** Each user's current (or last) suspension; "in force" means not lifted and not yet run out. */
@Repository
class SuspensionRepository {

    private static final String IN_FORCE = "lifted_at is null and (until is null or until > :now)";
    private static final int IDS_PER_QUERY = 500;

    private final JdbcClient jdbc;

    SuspensionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Suspension> inForce(long userId, Instant now) {
        return jdbc.sql("select user_id, since, until, reason from suspensions where user_id = :user and " + IN_FORCE)
                .param("user", userId).param("now", Sql.timestamp(now))
                .query(SuspensionRepository::map).optional();
    }

    Set<Long> inForceAmong(Collection<Long> userIds, Instant now) {
        var suspended = new HashSet<Long>();
        var ids = new ArrayList<>(new HashSet<>(userIds));
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            suspended.addAll(jdbc.sql("select user_id from suspensions where user_id in (:ids) and " + IN_FORCE)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .param("now", Sql.timestamp(now))
                    .query(Long.class).list());
        }
        return suspended;
    }

    /** Stores the suspension, replacing the user's previous one. The caller holds the user's row lock. */
    void put(Suspension suspension) {
        var updated = jdbc.sql("""
                update suspensions set since = :since, until = :until, reason = :reason, lifted_at = null
                where user_id = :user""")
                .param("since", Sql.timestamp(suspension.since())).param("until", Sql.timestamp(suspension.until()))
                .param("reason", suspension.reason()).param("user", suspension.userId()).update();
        if (updated == 0) {
            jdbc.sql("insert into suspensions (user_id, since, until, reason) values (:user, :since, :until, :reason)")
                    .param("since", Sql.timestamp(suspension.since()))
                    .param("until", Sql.timestamp(suspension.until()))
                    .param("reason", suspension.reason()).param("user", suspension.userId()).update();
        }
    }

    /** Ends the suspension in force now; false if none was. */
    boolean lift(long userId, Instant now) {
        return jdbc.sql("update suspensions set lifted_at = :now where user_id = :user and " + IN_FORCE)
                .param("now", Sql.timestamp(now)).param("user", userId).update() == 1;
    }

    /** Users whose timed suspension ran out but is not marked ended yet, oldest end first. */
    List<Long> runOut(Instant now, int limit) {
        return jdbc.sql("""
                select user_id from suspensions where lifted_at is null and until is not null and until <= ?
                order by until limit ?""")
                .params(Sql.timestamp(now), limit).query(Long.class).list();
    }

    /**
     * Marks a run-out suspension ended (at its end time). Conditional, so that of many nodes only one succeeds,
     * and none if the suspension was lifted or replaced meanwhile.
     */
    boolean markRunOut(long userId, Instant now) {
        return jdbc.sql("""
                update suspensions set lifted_at = until
                where user_id = ? and lifted_at is null and until is not null and until <= ?""")
                .params(userId, Sql.timestamp(now)).update() == 1;
    }

    private static Suspension map(ResultSet rs, int row) throws SQLException {
        return new Suspension(rs.getLong("user_id"), Sql.instant(rs, "since"), Sql.instant(rs, "until"),
                rs.getString("reason"));
    }
}
