package agora.orders;

import java.time.Instant;

/** Published once per order, in the transaction that marks it shipped. @param orderId the order's public id */
public record OrderShipped(String orderId, long buyerId, Instant shippedAt) {
}
