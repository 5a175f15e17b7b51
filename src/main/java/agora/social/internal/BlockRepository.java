package agora.social.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/** Who blocked whom. Each look-up is a probe of the primary key or of {@code blocks_by_blocked}. */
@Repository
class BlockRepository {

    private final JdbcClient jdbc;

    BlockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this block is new (blocking again changes nothing). */
    boolean block(long blocker, long blocked, Instant now) {
        return jdbc.sql("""
                insert into blocks (blocker_id, blocked_id, created_at) values (?, ?, ?) on conflict do nothing""")
                .params(blocker, blocked, Sql.timestamp(now)).update() == 1;
    }

    boolean unblock(long blocker, long blocked) {
        return jdbc.sql("delete from blocks where blocker_id = ? and blocked_id = ?").params(blocker, blocked)
                .update() == 1;
    }

    boolean isBlocking(long blocker, long blocked) {
        return jdbc.sql("select exists (select 1 from blocks where blocker_id = ? and blocked_id = ?)")
                .params(blocker, blocked).query(Boolean.class).single();
    }

    boolean blockedEitherWay(long user, long other) {
        return jdbc.sql("""
                select exists (select 1 from blocks where blocker_id = :a and blocked_id = :b)
                    or exists (select 1 from blocks where blocker_id = :b and blocked_id = :a)""")
                .param("a", user).param("b", other).query(Boolean.class).single();
    }

    /** The users this one blocked, newest block first. */
    List<Long> blockedBy(long blocker, int limit, int offset) {
        return jdbc.sql("""
                select blocked_id from blocks where blocker_id = ?
                order by created_at desc, blocked_id desc limit ? offset ?""")
                .params(blocker, limit, offset).query(Long.class).list();
    }

    long countBlockedBy(long blocker) {
        return jdbc.sql("select count(*) from blocks where blocker_id = ?").param(blocker).query(Long.class).single();
    }
}
