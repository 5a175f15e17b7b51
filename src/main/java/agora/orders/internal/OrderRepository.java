package agora.orders.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import agora.platform.Sql;

/**
 * Orders, their lines and refunds. Every change of status is a conditional update from the states it may
 * leave, so concurrent actors (checkout, webhook, reconciliation, buyer, seller) cannot both win.
 */
@Repository
class OrderRepository {

    private static final String COLUMNS = """
            id, public_id, buyer_id, status, currency, total_amount, refunded_amount, payment_method, payment_id,
            failure_code, ship_name, ship_line1, ship_line2, ship_city, ship_postal_code, ship_country, created_at,
            updated_at, paid_at, shipped_at, cancelled_at""";

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String publicId, long buyerId, String currency, long total, String paymentMethod,
            ShippingAddress address, List<Order.Line> lines, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into orders (public_id, buyer_id, status, currency, total_amount, payment_method, ship_name,
                                    ship_line1, ship_line2, ship_city, ship_postal_code, ship_country, created_at,
                                    updated_at)
                values (?, ?, 'PAYMENT_PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(publicId, buyerId, currency, total, paymentMethod, address.name(), address.line1(),
                        address.line2(), address.city(), address.postalCode(), address.country(), Sql.timestamp(now),
                        Sql.timestamp(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        for (var line : lines) {
            jdbc.sql("""
                    insert into order_lines (order_id, product_id, product_public_id, seller_id, title, unit_price,
                                             quantity, line_total)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, line.productId(), line.productPublicId(), line.sellerId(), line.title(),
                            line.unitPrice(), line.quantity(), line.lineTotal())
                    .update();
        }
        return id;
    }

    Optional<Order> findById(long id) {
        return withDetails(jdbc.sql("select " + COLUMNS + " from orders where id = ?").param(id)
                .query(OrderRepository::map).list()).stream().findFirst();
    }

    Optional<Order> findByPublicId(String publicId) {
        return withDetails(jdbc.sql("select " + COLUMNS + " from orders where public_id = ?").param(publicId)
                .query(OrderRepository::map).list()).stream().findFirst();
    }

    List<Order> pageOfBuyer(long buyerId, int limit, int offset) {
        return withDetails(jdbc.sql("select " + COLUMNS + " from orders where buyer_id = ? order by id desc limit ? offset ?")
                .params(buyerId, limit, offset).query(OrderRepository::map).list());
    }

    long countOfBuyer(long buyerId) {
        return jdbc.sql("select count(*) from orders where buyer_id = ?").param(buyerId).query(Long.class).single();
    }

    List<Order> pageOfSeller(long sellerId, int limit, int offset) {
        var ids = jdbc.sql("""
                select order_id from order_lines where seller_id = ? group by order_id order by order_id desc
                limit ? offset ?""")
                .params(sellerId, limit, offset).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return withDetails(jdbc.sql("select " + COLUMNS + " from orders where id in (:ids) order by id desc")
                .param("ids", ids).query(OrderRepository::map).list());
    }

    long countOfSeller(long sellerId) {
        return jdbc.sql("select count(distinct order_id) from order_lines where seller_id = ?").param(sellerId)
                .query(Long.class).single();
    }

    /** Waits for and holds the order's row until the transaction ends, so deciding on it and changing it is atomic. */
    void lock(long id) {
        jdbc.sql("select id from orders where id = ? for update").param(id).query(Long.class).single();
    }

    /** Ids of the seller's paid (not shipped) orders after {@code afterId}, in id order. */
    List<Long> paidOfSeller(long sellerId, long afterId, int limit) {
        return jdbc.sql("""
                select o.id from order_lines l join orders o on o.id = l.order_id
                where l.seller_id = ? and l.order_id > ? and o.status = 'PAID'
                group by o.id order by o.id limit ?""")
                .params(sellerId, afterId, limit).query(Long.class).list();
    }

    /** Pending orders created before {@code cutoff}, in id order after {@code afterId}. */
    List<Order> pendingBefore(Instant cutoff, long afterId, int limit) {
        return withDetails(jdbc.sql("select " + COLUMNS
                + " from orders where status = 'PAYMENT_PENDING' and id > ? and created_at < ? order by id limit ?")
                .params(afterId, Sql.timestamp(cutoff), limit).query(OrderRepository::map).list());
    }

    boolean markPaid(long id, String paymentId, Instant now) {
        return jdbc.sql("""
                update orders set status = 'PAID', payment_id = ?, paid_at = ?, updated_at = ?
                where id = ? and status = 'PAYMENT_PENDING'""")
                .params(paymentId, Sql.timestamp(now), Sql.timestamp(now), id).update() == 1;
    }

    boolean markUnpaid(long id, OrderStatus status, String failureCode, Instant now) {
        return jdbc.sql("""
                update orders set status = ?, failure_code = ?, updated_at = ?
                where id = ? and status = 'PAYMENT_PENDING'""")
                .params(status.name(), failureCode, Sql.timestamp(now), id).update() == 1;
    }

    boolean markShipped(long id, Instant now) {
        return jdbc.sql("update orders set status = 'SHIPPED', shipped_at = ?, updated_at = ? where id = ? and status = 'PAID'")
                .params(Sql.timestamp(now), Sql.timestamp(now), id).update() == 1;
    }

    boolean markCancelled(long id, Instant now) {
        return jdbc.sql("""
                update orders set status = 'CANCELLED', cancelled_at = ?, updated_at = ? where id = ? and status = 'PAID'""")
                .params(Sql.timestamp(now), Sql.timestamp(now), id).update() == 1;
    }

    /** Sets aside {@code amount} of the paid total for a refund; never more than the total in all. */
    boolean reserveRefund(long id, long amount, Instant now) {
        return jdbc.sql("""
                update orders set refunded_amount = refunded_amount + ?, updated_at = ?
                where id = ? and refunded_amount + ? <= total_amount""")
                .params(amount, Sql.timestamp(now), id, amount).update() == 1;
    }

    void releaseRefund(long id, long amount, Instant now) {
        jdbc.sql("update orders set refunded_amount = refunded_amount - ?, updated_at = ? where id = ?")
                .params(amount, Sql.timestamp(now), id).update();
    }

    /** A paid or shipped order whose refunds have paid back its whole total becomes REFUNDED; true when it did. */
    boolean markRefundedIfComplete(long id, Instant now) {
        return jdbc.sql("""
                update orders set status = 'REFUNDED', updated_at = ?
                where id = ? and status in ('PAID', 'SHIPPED')
                  and total_amount = (select coalesce(sum(amount), 0) from order_refunds
                                      where order_id = ? and status = 'SUCCEEDED')""")
                .params(Sql.timestamp(now), id, id).update() == 1;
    }

    long insertRefund(long orderId, String publicId, long amount, Order.RefundStatus status, String reason,
            Long actorId, Long sellerId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into order_refunds (public_id, order_id, amount, status, reason, actor_id, seller_id, created_at,
                                           updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(publicId, orderId, amount, status.name(), reason, actorId, sellerId, Sql.timestamp(now),
                        Sql.timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Settles a pending refund; answers whether this call did. */
    boolean settleRefund(long refundId, Order.RefundStatus status, Instant now) {
        return jdbc.sql("update order_refunds set status = ?, updated_at = ? where id = ? and status = 'PENDING'")
                .params(status.name(), Sql.timestamp(now), refundId).update() == 1;
    }

    /** What refunds attributed to a seller have paid back or are paying back. */
    long refundedBySeller(long orderId, long sellerId) {
        return jdbc.sql("""
                select coalesce(sum(amount), 0) from order_refunds
                where order_id = ? and seller_id = ? and status <> 'FAILED'""")
                .params(orderId, sellerId).query(Long.class).single();
    }

    record PendingRefund(long id, String publicId, long orderId, String orderPublicId, long amount) {
    }

    List<PendingRefund> pendingRefundsBefore(Instant cutoff, long afterId, int limit) {
        return jdbc.sql("""
                select r.id, r.public_id, r.order_id, o.public_id as order_public_id, r.amount
                from order_refunds r join orders o on o.id = r.order_id
                where r.status = 'PENDING' and r.id > ? and r.created_at < ? order by r.id limit ?""")
                .params(afterId, Sql.timestamp(cutoff), limit)
                .query((rs, row) -> new PendingRefund(rs.getLong("id"), rs.getString("public_id"),
                        rs.getLong("order_id"), rs.getString("order_public_id"), rs.getLong("amount")))
                .list();
    }

    private List<Order> withDetails(List<Order> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        var ids = orders.stream().map(Order::id).toList();
        var lines = new HashMap<Long, List<Order.Line>>();
        jdbc.sql("select * from order_lines where order_id in (:ids) order by order_id, product_id").param("ids", ids)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>()).add(new Order.Line(
                            rs.getLong("product_id"), rs.getString("product_public_id"), rs.getLong("seller_id"),
                            rs.getString("title"), rs.getLong("unit_price"), rs.getInt("quantity"),
                            rs.getLong("line_total")));
                });
        var refunds = new HashMap<Long, List<Order.Refund>>();
        jdbc.sql("select * from order_refunds where order_id in (:ids) order by id").param("ids", ids).query(rs -> {
            refunds.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>()).add(new Order.Refund(
                    rs.getLong("id"), rs.getString("public_id"), rs.getLong("amount"),
                    Order.RefundStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                    rs.getObject("seller_id", Long.class), Sql.instant(rs, "created_at")));
        });
        return orders.stream().map(o -> o.with(List.copyOf(lines.getOrDefault(o.id(), List.of())),
                List.copyOf(refunds.getOrDefault(o.id(), List.of())))).toList();
    }

    private static Order map(ResultSet rs, int row) throws SQLException {
        return new Order(rs.getLong("id"), rs.getString("public_id"), rs.getLong("buyer_id"),
                OrderStatus.valueOf(rs.getString("status")), rs.getString("currency"), rs.getLong("total_amount"),
                rs.getLong("refunded_amount"), rs.getString("payment_method"), rs.getString("payment_id"),
                rs.getString("failure_code"),
                new ShippingAddress(rs.getString("ship_name"), rs.getString("ship_line1"), rs.getString("ship_line2"),
                        rs.getString("ship_city"), rs.getString("ship_postal_code"), rs.getString("ship_country")),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "paid_at"),
                Sql.instant(rs, "shipped_at"), Sql.instant(rs, "cancelled_at"), List.of(), List.of());
    }
}
