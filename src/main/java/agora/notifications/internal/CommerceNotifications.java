package agora.notifications.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import agora.catalog.StockRunningLow;
import agora.orders.OrderPaid;
import agora.orders.OrderRefunded;
import agora.orders.OrderShipped;
import agora.orders.OrderSold;

/**
 * Turns orders' and catalog's events into notifications for buyers and sellers. Nobody acted on them in person, so
 * they have no actor. The paid order's notifications (the buyer's and each seller's) are written by the transaction
 * that marks the order paid, as its confirmation email is: the rows are durable with the payment, with no event
 * publication to store, claim and complete for each (those were a third of a checkout's statements and commits).
 * The others come each in a transaction of its own after the publishing one commits.
 */
@Component
class CommerceNotifications {

    private final Notifications notifications;

    CommerceNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(OrderPaid event) {
        notifications.notify(event.buyerId(), NotificationType.ORDER_PAID, order(event.orderId(), event.lines()),
                "order:" + event.orderId(), null);
    }

    @ApplicationModuleListener
    void on(OrderShipped event) {
        notifications.notify(event.buyerId(), NotificationType.ORDER_SHIPPED, new Subject("order", event.orderId(), ""),
                "order:" + event.orderId(), null);
    }

    @ApplicationModuleListener
    void on(OrderRefunded event) {
        notifications.notify(event.buyerId(), NotificationType.ORDER_REFUNDED,
                new Subject("order", event.orderId(), ""),
                "refund:" + event.refundId() + "#" + (event.whole() ? "whole" : "partial"), null);
    }

    @EventListener
    void on(OrderSold event) {
        notifications.notify(event.sellerId(), NotificationType.SALE, order(event.orderId(), event.lines()),
                "order:" + event.orderId(), null);
    }

    /** Each crossing notifies once: the source names the moment of the sale that crossed. */
    @ApplicationModuleListener
    void on(StockRunningLow event) {
        var type = event.remaining() == 0 ? NotificationType.OUT_OF_STOCK : NotificationType.LOW_STOCK;
        notifications.notify(event.sellerId(), type, new Subject("product", event.productId(), event.title()),
                "stock:" + event.productId() + ":" + event.at().toEpochMilli() + "#" + event.remaining(), null);
    }

    /** An order's subject: titled with what it holds, e.g. "2 × Lamp, 1 × Chair" (cut to fit). */
    private static Subject order(String orderId, List<OrderPaid.Line> lines) {
        return new Subject("order", orderId,
                lines.stream().map(l -> l.quantity() + " × " + l.title()).collect(Collectors.joining(", ")));
    }
}
