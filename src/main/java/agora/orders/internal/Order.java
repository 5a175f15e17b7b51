package agora.orders.internal;

import java.time.Instant;
import java.util.List;

import agora.catalog.StockLine;

/** An order with its lines (prices as they were at checkout) and its refunds. Amounts in minor units. */
public record Order(long id, String publicId, long buyerId, OrderStatus status, String currency, long totalAmount,
        long refundedAmount, String paymentMethod, String paymentId, String failureCode, ShippingAddress shippingAddress,
        Instant createdAt, Instant updatedAt, Instant paidAt, Instant shippedAt, Instant cancelledAt, List<Line> lines,
        List<Refund> refunds) {

    public record Line(long productId, String productPublicId, long sellerId, String title, long unitPrice,
            int quantity, long lineTotal) {
    }

    public record Refund(long id, String publicId, long amount, RefundStatus status, String reason, Long sellerId,
            Instant createdAt) {
    }

    public enum RefundStatus {
        PENDING, SUCCEEDED, FAILED
    }

    Order with(List<Line> lines, List<Refund> refunds) {
        return new Order(id, publicId, buyerId, status, currency, totalAmount, refundedAmount, paymentMethod, paymentId,
                failureCode, shippingAddress, createdAt, updatedAt, paidAt, shippedAt, cancelledAt, lines, refunds);
    }

    /** This order as {@link OrderFinalizer} has just marked it paid. */
    Order paid(String paymentId, Instant at) {
        return new Order(id, publicId, buyerId, OrderStatus.PAID, currency, totalAmount, refundedAmount, paymentMethod,
                paymentId, failureCode, shippingAddress, createdAt, at, at, shippedAt, cancelledAt, lines, refunds);
    }

    /** This order as {@link OrderFinalizer} has just marked it failed or expired. */
    Order unpaid(OrderStatus status, String code, Instant at) {
        return new Order(id, publicId, buyerId, status, currency, totalAmount, refundedAmount, paymentMethod, paymentId,
                code, shippingAddress, createdAt, at, paidAt, shippedAt, cancelledAt, lines, refunds);
    }

    List<StockLine> stockLines() {
        return lines.stream().map(l -> new StockLine(l.productId(), l.quantity())).toList();
    }

    boolean sells(long userId) {
        return lines.stream().anyMatch(l -> l.sellerId() == userId);
    }

    /** What the seller's lines come to. */
    long totalOf(long sellerId) {
        return lines.stream().filter(l -> l.sellerId() == sellerId).mapToLong(Line::lineTotal).sum();
    }
}
