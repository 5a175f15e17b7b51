package agora.orders.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import agora.payments.PaymentRequest;
import agora.payments.PaymentResult;
import agora.payments.Payments;
import agora.payments.RefundResult;

/**
 * Settles what a crash or a lost answer left open. For every order still PAYMENT_PENDING after the grace
 * period, it asks the provider for the charge's outcome (which repeats the charge under its idempotency
 * key if the provider never saw it) and finalizes the order; an order whose outcome stays unknown past the
 * reservation TTL expires and gives its stock back. Pending refunds are repeated under their keys. Safe to
 * run on several nodes at once: every change is conditional and every provider call idempotent.
 */
@Component
public class Reconciliation {

    /** What one run did. */
    public record Report(int paid, int failed, int expired, int stillPending, int refundsSettled) {
    }

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final int BATCH = 100;

    private final OrderRepository orders;
    private final OrderFinalizer finalizer;
    private final Refunds refunds;
    private final Payments payments;
    private final OrdersProperties properties;
    private final Clock clock;

    Reconciliation(OrderRepository orders, OrderFinalizer finalizer, Refunds refunds, Payments payments,
            OrdersProperties properties, Clock clock) {
        this.orders = orders;
        this.finalizer = finalizer;
        this.refunds = refunds;
        this.payments = payments;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${agora.orders.reconciliation.interval}",
            initialDelayString = "${agora.orders.reconciliation.interval}")
    void scheduled() {
        var report = run();
        if (report.paid() + report.failed() + report.expired() + report.refundsSettled() > 0) {
            log.info("Reconciliation: {}", report);
        }
    }

    public Report run() {
        var now = clock.instant();
        var cutoff = now.minus(properties.reconciliation().grace());
        int paid = 0, failed = 0, expired = 0, pending = 0, refundsSettled = 0;
        long after = 0;
        for (var batch = orders.pendingBefore(cutoff, after, BATCH); !batch.isEmpty();
                batch = orders.pendingBefore(cutoff, after, BATCH)) {
            for (var order : batch) {
                after = order.id();
                try {
                    switch (settle(order, now).status()) {
                        case PAYMENT_PENDING -> pending++;
                        case EXPIRED -> expired++;
                        case PAYMENT_FAILED -> failed++;
                        default -> paid++;
                    }
                } catch (RuntimeException e) {
                    pending++;
                    log.error("Could not reconcile order {}", order.publicId(), e);
                }
            }
        }
        after = 0;
        for (var batch = orders.pendingRefundsBefore(cutoff, after, BATCH); !batch.isEmpty();
                batch = orders.pendingRefundsBefore(cutoff, after, BATCH)) {
            for (var refund : batch) {
                after = refund.id();
                try {
                    if (!(refunds.settle(refund) instanceof RefundResult.Pending)) {
                        refundsSettled++;
                    }
                } catch (RuntimeException e) {
                    log.error("Could not settle refund {}", refund.publicId(), e);
                }
            }
        }
        return new Report(paid, failed, expired, pending, refundsSettled);
    }

    private Order settle(Order order, Instant now) {
        var result = payments.outcome(new PaymentRequest(order.publicId(), order.totalAmount(), order.currency(),
                order.paymentMethod()));
        var expired = !order.createdAt().plus(properties.reservationTtl()).isAfter(now);
        if (result instanceof PaymentResult.Pending && expired) {
            return finalizer.unpaid(order, OrderStatus.EXPIRED, "expired");
        }
        return finalizer.apply(order, result);
    }
}
