package agora.orders;

import java.time.Instant;
import java.util.List;

/**
 * Published for each seller of an order, in the transaction that marks it paid.
 *
 * @param orderId the order's public id
 * @param lines the lines this seller sold
 */
public record OrderSold(String orderId, long sellerId, List<OrderPaid.Line> lines, String currency, Instant paidAt) {
}
