package agora.orders.internal;

import java.util.List;

/** How orders look in responses (and in replays of them). Amounts are minor units of {@code currency}. */
public final class OrderJson {

    private OrderJson() {
    }

    public record Item(String product, String title, int quantity, long unitPrice, long lineTotal, String seller) {
    }

    public record Refund(String id, long amount, String status, String reason, String createdAt) {
    }

    /**
     * @param total what the viewer's part of the order comes to (all of it for the buyer)
     * @param refunded what has been or is being paid back of that
     */
    public record Order(String id, String status, String currency, long total, long refunded, List<Item> items,
            ShippingAddress shippingAddress, String paymentMethod, String failureCode, String buyer,
            List<Refund> refunds, String createdAt, String paidAt, String shippedAt, String cancelledAt) {
    }

    public record OrderResponse(Order order) {
    }

    public record OrdersResponse(List<Order> orders, long ordersCount) {
    }
}
