package agora.orders.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import agora.accounts.AccountStanding;
import agora.accounts.UserSuspended;
import agora.orders.OrderSold;

/**
 * Handles a suspended seller's orders per {@link SuspendedSellerPolicy}: their paid orders when the suspension
 * comes, and any order of theirs paid after it (it was awaiting payment then). Both may see the same order, and
 * events may come twice: the policy, under the order's lock, leaves nothing to do the second time. The listeners run
 * outside a transaction: each order's change commits on its own before its refund goes to the provider, so a later
 * failure can never roll back a refund the provider has already paid.
 */
@Component
class SuspendedSellerOrders {

    private static final int BATCH = 100;

    private final OrderRepository orders;
    private final Refunds refunds;
    private final AccountStanding standing;

    SuspendedSellerOrders(OrderRepository orders, Refunds refunds, AccountStanding standing) {
        this.orders = orders;
        this.refunds = refunds;
        this.standing = standing;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(UserSuspended event) {
        if (!standing.isSuspended(event.userId())) {
            return; // lifted before this came: nothing to undo
        }
        long after = 0;
        for (var batch = orders.paidOfSeller(event.userId(), after, BATCH); !batch.isEmpty();
                batch = orders.paidOfSeller(event.userId(), after, BATCH)) {
            for (var orderId : batch) {
                refunds.forSuspendedSeller(orderId, event.userId());
                after = orderId;
            }
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(OrderSold event) {
        if (standing.isSuspended(event.sellerId())) {
            orders.findByPublicId(event.orderId())
                    .ifPresent(order -> refunds.forSuspendedSeller(order.id(), event.sellerId()));
        }
    }
}
