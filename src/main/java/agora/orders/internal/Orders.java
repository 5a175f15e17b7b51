package agora.orders.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.accounts.CurrentUser;
import agora.orders.OrderShipped;
import agora.platform.ApiException;

/** Orders as their buyers, sellers and admins see them; and shipping, by a seller. */
@Service
public class Orders {

    private final OrderRepository orders;
    private final OrderViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Orders(OrderRepository orders, OrderViews views, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /** The order as the viewer may see it; 404 for anyone who is neither its buyer, a seller in it nor an admin. */
    public OrderJson.Order view(CurrentUser viewer, String publicId) {
        var order = orders.findByPublicId(publicId).orElseThrow(() -> ApiException.notFound("order"));
        return render(viewer, order);
    }

    public OrderJson.OrdersResponse list(CurrentUser viewer, boolean asSeller, int limit, int offset) {
        if (asSeller) {
            return new OrderJson.OrdersResponse(views.render(orders.pageOfSeller(viewer.id(), limit, offset), viewer.id()),
                    orders.countOfSeller(viewer.id()));
        }
        return new OrderJson.OrdersResponse(views.render(orders.pageOfBuyer(viewer.id(), limit, offset), null),
                orders.countOfBuyer(viewer.id()));
    }

    /** A seller (or an admin) marks a paid order shipped; from then on the buyer can no longer cancel it. */
    @Transactional
    public OrderJson.Order ship(CurrentUser actor, String publicId) {
        var order = orders.findByPublicId(publicId).orElseThrow(() -> ApiException.notFound("order"));
        if (!order.sells(actor.id()) && !actor.admin()) {
            if (order.buyerId() == actor.id()) {
                throw ApiException.forbidden("only a seller of this order may mark it shipped");
            }
            throw ApiException.notFound("order");
        }
        if (order.status() != OrderStatus.SHIPPED) {
            var now = clock.instant();
            if (!orders.markShipped(order.id(), now)) {
                throw ApiException.conflict("not-shippable", "status",
                        "only a paid order can be shipped; this one is " + order.status());
            }
            events.publishEvent(new OrderShipped(order.publicId(), order.buyerId(), now));
        }
        return render(actor, orders.findById(order.id()).orElseThrow());
    }

    private OrderJson.Order render(CurrentUser viewer, Order order) {
        if (order.buyerId() == viewer.id() || viewer.admin()) {
            return views.full(order);
        }
        if (order.sells(viewer.id())) {
            return views.render(List.of(order), viewer.id()).getFirst();
        }
        throw ApiException.notFound("order");
    }
}
