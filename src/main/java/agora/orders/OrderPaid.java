package agora.orders;

import java.time.Instant;
import java.util.List;

/**
 * Published once per order, in the transaction that marks it paid: everything a confirmation email needs.
 * Amounts are minor units of {@code currency}.
 *
 * @param orderId the order's public id
 */
public record OrderPaid(String orderId, long buyerId, List<Line> lines, long totalAmount, String currency,
        Instant paidAt) {

    /** @param productId the product's public id */
    public record Line(String productId, String title, int quantity, long unitPrice, long lineTotal) {
    }
}
