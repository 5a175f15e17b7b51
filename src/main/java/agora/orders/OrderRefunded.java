package agora.orders;

import java.time.Instant;

/**
 * Published once per refund, in the transaction that records it as paid back. Amounts are minor units of
 * {@code currency}.
 *
 * @param orderId the order's public id
 * @param refundId the refund's public id
 * @param whole whether the order is now refunded in full
 */
public record OrderRefunded(String orderId, long buyerId, String refundId, long amount, String currency,
        boolean whole, Instant refundedAt) {
}
