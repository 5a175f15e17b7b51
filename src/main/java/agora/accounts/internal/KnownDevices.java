package agora.accounts.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/**
 * The devices each account signed in from. A device is a (client address, user agent) pair, kept only as a
 * SHA-256 hash with the user id, so the table holds no address; each account keeps its most recently seen few.
 */
@Repository
class KnownDevices {

    private final JdbcClient jdbc;

    KnownDevices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored form of a device of this user; the same pair hashes differently for another user. */
    static String hash(long userId, RequestClient client) {
        return RandomTokens.hash(userId + "\n" + client.address() + "\n" + client.userAgent());
    }

    boolean anyOf(long userId) {
        return jdbc.sql("select 1 from known_devices where user_id = ? limit 1").param(userId)
                .query((rs, row) -> 1).optional().isPresent();
    }

    /** Notes that the device was seen now; true when it was not known yet. */
    boolean remember(long userId, String deviceHash, Instant now) {
        var seen = jdbc.sql("update known_devices set last_seen_at = ? where user_id = ? and device_hash = ?")
                .params(Sql.timestamp(now), userId, deviceHash).update();
        if (seen > 0) {
            return false;
        }
        // Two first sign-ins from one device at once: one inserts, the other finds it there.
        return jdbc.sql("""
                insert into known_devices (user_id, device_hash, first_seen_at, last_seen_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(userId, deviceHash, Sql.timestamp(now), Sql.timestamp(now)).update() == 1;
    }

    /** Forgets all but the user's {@code keep} most recently seen devices. */
    void trim(long userId, int keep) {
        jdbc.sql("""
                delete from known_devices where user_id = ? and device_hash not in
                    (select device_hash from known_devices where user_id = ?
                     order by last_seen_at desc, device_hash limit ?)""")
                .params(userId, userId, keep).update();
    }

    void forget(long userId) {
        jdbc.sql("delete from known_devices where user_id = ?").param(userId).update();
    }
}
