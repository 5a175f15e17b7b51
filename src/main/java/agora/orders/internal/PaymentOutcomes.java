package agora.orders.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import agora.payments.ChargeRefunded;
import agora.payments.PaymentFailed;
import agora.payments.PaymentSucceeded;

/** Outcomes that providers report by webhook, applied to the orders they belong to. */
@Component
class PaymentOutcomes {

    private final OrderRepository orders;
    private final OrderFinalizer finalizer;
    private final Refunds refunds;

    PaymentOutcomes(OrderRepository orders, OrderFinalizer finalizer, Refunds refunds) {
        this.orders = orders;
        this.finalizer = finalizer;
        this.refunds = refunds;
    }

    /** Pays the pending order; a charge that lands after its order failed or expired is paid back. */
    @ApplicationModuleListener
    void on(PaymentSucceeded event) {
        orders.findByPublicId(event.reference()).ifPresent(order -> {
            var after = finalizer.paid(order, event.paymentId());
            if (after.status() == OrderStatus.EXPIRED || after.status() == OrderStatus.PAYMENT_FAILED) {
                refunds.refundLateCharge(after);
            }
        });
    }

    @ApplicationModuleListener
    void on(PaymentFailed event) {
        orders.findByPublicId(event.reference())
                .ifPresent(order -> finalizer.unpaid(order, OrderStatus.PAYMENT_FAILED, event.code()));
    }

    @ApplicationModuleListener
    void on(ChargeRefunded event) {
        orders.findByPublicId(event.reference())
                .ifPresent(order -> refunds.recordProviderRefunds(order, event.amountRefunded()));
    }
}
