package agora.social.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/** Muted users and muted tags, by the primary keys of {@code user_mutes} and {@code tag_mutes}. */
@Repository
class MuteRepository {

    private final JdbcClient jdbc;

    MuteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean muteUser(long muter, long muted, Instant now) {
        return jdbc.sql("insert into user_mutes (muter_id, muted_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(muter, muted, Sql.timestamp(now)).update() == 1;
    }

    boolean unmuteUser(long muter, long muted) {
        return jdbc.sql("delete from user_mutes where muter_id = ? and muted_id = ?").params(muter, muted).update() == 1;
    }

    boolean isMuting(long muter, long muted) {
        return jdbc.sql("select exists (select 1 from user_mutes where muter_id = ? and muted_id = ?)")
                .params(muter, muted).query(Boolean.class).single();
    }

    boolean muteTag(long muter, long tagId, Instant now) {
        return jdbc.sql("insert into tag_mutes (muter_id, tag_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(muter, tagId, Sql.timestamp(now)).update() == 1;
    }

    boolean unmuteTag(long muter, long tagId) {
        return jdbc.sql("delete from tag_mutes where muter_id = ? and tag_id = ?").params(muter, tagId).update() == 1;
    }

    /** The users this one muted, newest first. */
    List<Long> mutedUsers(long muter, int limit, int offset) {
        return jdbc.sql("""
                select muted_id from user_mutes where muter_id = ?
                order by created_at desc, muted_id desc limit ? offset ?""")
                .params(muter, limit, offset).query(Long.class).list();
    }

    /** The names of the tags this user muted, in alphabetical order. */
    List<String> mutedTags(long muter, int limit, int offset) {
        return jdbc.sql("""
                select t.name from tag_mutes m join tags t on t.id = m.tag_id where m.muter_id = ?
                order by t.name limit ? offset ?""")
                .params(muter, limit, offset).query(String.class).list();
    }
}
