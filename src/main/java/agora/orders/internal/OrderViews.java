package agora.orders.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import agora.accounts.UserDirectory;
import agora.accounts.UserProfile;
import agora.platform.Timestamps;

/**
 * Renders orders for their viewer: the buyer (and an admin) see the whole order; a seller sees only their own
 * lines and refunds, and not how the buyer paid.
 */
@Component
class OrderViews {

    private final UserDirectory users;

    OrderViews(UserDirectory users) {
        this.users = users;
    }

    OrderJson.Order full(Order order) {
        return render(List.of(order), null).getFirst();
    }

    /** The orders as the seller {@code sellerView} may see them; null for the whole orders. */
    List<OrderJson.Order> render(List<Order> orders, Long sellerView) {
        var ids = new ArrayList<Long>();
        orders.forEach(o -> {
            ids.add(o.buyerId());
            o.lines().forEach(l -> ids.add(l.sellerId()));
        });
        Map<Long, UserProfile> names = users.findAllById(ids);
        return orders.stream().map(o -> render(o, sellerView, names)).toList();
    }

    private static OrderJson.Order render(Order order, Long sellerView, Map<Long, UserProfile> names) {
        var lines = order.lines().stream().filter(l -> sellerView == null || l.sellerId() == sellerView).toList();
        var refunds = order.refunds().stream()
                .filter(r -> sellerView == null || sellerView.equals(r.sellerId())).toList();
        var total = sellerView == null ? order.totalAmount() : order.totalOf(sellerView);
        var refunded = sellerView == null ? order.refundedAmount()
                : refunds.stream().filter(r -> r.status() != Order.RefundStatus.FAILED).mapToLong(Order.Refund::amount)
                        .sum();
        return new OrderJson.Order(order.publicId(), order.status().name(), order.currency(), total, refunded,
                lines.stream().map(l -> new OrderJson.Item(l.productPublicId(), l.title(), l.quantity(), l.unitPrice(),
                        l.lineTotal(), name(names, l.sellerId()))).toList(),
                order.shippingAddress(), sellerView == null ? order.paymentMethod() : null, order.failureCode(),
                name(names, order.buyerId()),
                refunds.stream().map(r -> new OrderJson.Refund(r.publicId(), r.amount(), r.status().name(), r.reason(),
                        Timestamps.format(r.createdAt()))).toList(),
                Timestamps.format(order.createdAt()), Timestamps.format(order.paidAt()),
                Timestamps.format(order.shippedAt()), Timestamps.format(order.cancelledAt()));
    }

    private static String name(Map<Long, UserProfile> names, long id) {
        var profile = names.get(id);
        return profile == null ? null : profile.username();
    }
}
