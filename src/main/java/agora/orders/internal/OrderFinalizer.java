package agora.orders.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import agora.catalog.Inventory;
import agora.orders.OrderPaid;
import agora.orders.OrderSold;
import agora.payments.PaymentResult;

/**
 * Ends a pending order (lines as in hand; they never change), whoever learns the outcome first: the checkout itself, a webhook or reconciliation.
 * The status change is conditional, so exactly one of them commits the stock and publishes {@link OrderPaid} (and
 * an {@link OrderSold} for each seller), or releases the stock.
 */
@Component
class OrderFinalizer {

    private final OrderRepository orders;
    private final CartRepository carts;
    private final Inventory inventory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderFinalizer(OrderRepository orders, CartRepository carts, Inventory inventory, ApplicationEventPublisher events,
            Clock clock) {
        this.orders = orders;
        this.carts = carts;
        this.inventory = inventory;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies a payment outcome; a pending outcome leaves the order as it is. Transactional itself: its calls to
     * {@link #paid} and {@link #unpaid} do not pass the proxy, and without a transaction the order's changes
     * would commit one by one and {@link OrderPaid}'s after-commit listeners would not run.
     */
    @Transactional
    Order apply(Order order, PaymentResult result) {
        return switch (result) {
            case PaymentResult.Succeeded succeeded -> paid(order, succeeded.paymentId());
            case PaymentResult.Declined declined -> unpaid(order, OrderStatus.PAYMENT_FAILED, declined.code());
            case PaymentResult.Pending pending -> order;
        };
    }

    /** Marks the order paid: stock sold, bought products out of the cart, {@link OrderPaid} published. */
    @Transactional
    Order paid(Order order, String paymentId) {
        var now = clock.instant();
        if (orders.markPaid(order.id(), paymentId, now)) {
            inventory.commit(order.stockLines());
            carts.removeAll(order.buyerId(), order.lines().stream().map(Order.Line::productId).toList());
            var sold = order.lines().stream().collect(Collectors.groupingBy(Order.Line::sellerId, TreeMap::new,
                    Collectors.mapping(OrderFinalizer::paidLine, Collectors.toList())));
            // In the order of their recipients' ids (the buyer's among the sellers'): the notifications are written
            // in this transaction, each taking its recipient's counter row, so concurrent orders take those locks in
            // one order and cannot deadlock (stock rows, likewise, are taken in product id order).
            sold.headMap(order.buyerId()).forEach((seller, lines) -> publishSold(order, seller, lines, now));
            events.publishEvent(new OrderPaid(order.publicId(), order.buyerId(),
                    order.lines().stream().map(OrderFinalizer::paidLine).toList(),
                    order.totalAmount(), order.currency(), now));
            sold.tailMap(order.buyerId()).forEach((seller, lines) -> publishSold(order, seller, lines, now));
            return order.paid(paymentId, now);
        }
        return find(order.id());
    }

    private void publishSold(Order order, long sellerId, List<OrderPaid.Line> lines, Instant now) {
        events.publishEvent(new OrderSold(order.publicId(), sellerId, lines, order.currency(), now));
    }

    /** Marks the order failed or expired and gives its reserved stock back. */
    @Transactional
    Order unpaid(Order order, OrderStatus status, String code) {
        var now = clock.instant();
        if (orders.markUnpaid(order.id(), status, code, now)) {
            inventory.release(order.stockLines());
            return order.unpaid(status, code, now);
        }
        return find(order.id());
    }

    private static OrderPaid.Line paidLine(Order.Line line) {
        return new OrderPaid.Line(line.productPublicId(), line.title(), line.quantity(), line.unitPrice(),
                line.lineTotal());
    }

    private Order find(long orderId) {
        return orders.findById(orderId).orElseThrow();
    }
}
