package agora.orders.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/**
 * Idempotency-Keys per user. A key is claimed in the same transaction as the first effect of its request, so
 * a request that fails before any effect leaves no key behind, and a concurrent claim of the same key waits
 * for that transaction and then finds the key taken.
 */
@Repository
class IdempotencyKeys {

    record Key(String requestHash, Long orderId, StoredResponse response, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for this request; answers false when it is already taken. */
    boolean claim(long userId, String key, String requestHash, Instant now) {
        return jdbc.sql("""
                insert into idempotency_keys (user_id, idem_key, request_hash, created_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(userId, key, requestHash, Sql.timestamp(now)).update() == 1;
    }

    void attachOrder(long userId, String key, long orderId) {
        jdbc.sql("update idempotency_keys set order_id = ? where user_id = ? and idem_key = ?")
                .params(orderId, userId, key).update();
    }

    void complete(long userId, String key, StoredResponse response) {
        jdbc.sql("""
                update idempotency_keys set response_status = ?, response_body = ?
                where user_id = ? and idem_key = ? and response_status is null""")
                .params(response.status(), response.body(), userId, key).update();
    }

    Optional<Key> find(long userId, String key) {
        return jdbc.sql("""
                select request_hash, order_id, response_status, response_body, created_at from idempotency_keys
                where user_id = ? and idem_key = ?""")
                .params(userId, key)
                .query((rs, row) -> new Key(rs.getString("request_hash"), rs.getObject("order_id", Long.class),
                        rs.getObject("response_status") == null ? null
                                : new StoredResponse(rs.getInt("response_status"), rs.getString("response_body")),
                        Sql.instant(rs, "created_at")))
                .optional();
    }

    int deleteCreatedBefore(Instant cutoff) {
        return jdbc.sql("delete from idempotency_keys where created_at < ?").param(Sql.timestamp(cutoff)).update();
    }
}
