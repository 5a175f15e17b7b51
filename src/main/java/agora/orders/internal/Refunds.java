package agora.orders.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.CurrentUser;
import agora.catalog.Inventory;
import agora.orders.OrderRefunded;
import agora.payments.Payments;
import agora.payments.RefundResult;
import agora.platform.ApiException;
import agora.platform.PublicIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Money back: the buyer cancels a paid order before it ships (full refund, stock back), a seller refunds (part
 * of) their lines, an admin any part. A refund first sets its amount aside on the order in one transaction,
 * so concurrent refunds can never pay back more than was paid; then the provider pays it back under a key
 * derived from the refund. An unknown outcome leaves the refund pending for {@link Reconciliation}.
 */
@Service
public class Refunds {

    private final OrderRepository orders;
    private final Inventory inventory;
    private final Payments payments;
    private final IdempotentRequests idempotent;
    private final OrderViews views;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Refunds(OrderRepository orders, Inventory inventory, Payments payments, IdempotentRequests idempotent,
            OrderViews views, TransactionTemplate transaction, JsonMapper json, ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.orders = orders;
        this.inventory = inventory;
        this.payments = payments;
        this.idempotent = idempotent;
        this.views = views;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    public StoredResponse cancel(CurrentUser buyer, String orderId, String key) {
        IdempotentRequests.checkKey(key);
        var fingerprint = idempotent.fingerprint("POST /api/orders/" + orderId + "/cancel", "");
        return idempotent.run(buyer.id(), key, fingerprint, () -> {
            var refund = transaction.execute(tx -> {
                idempotent.claim(buyer.id(), key, fingerprint);
                var order = orders.findByPublicId(orderId).filter(o -> o.buyerId() == buyer.id())
                        .orElseThrow(() -> ApiException.notFound("order"));
                if (order.status() != OrderStatus.PAID || !orders.markCancelled(order.id(), clock.instant())) {
                    throw ApiException.conflict("not-cancellable", "status", "only a paid order that has not shipped "
                            + "can be cancelled; this one is " + order.status());
                }
                inventory.restock(order.stockLines());
                idempotent.attach(buyer.id(), key, order.id());
                var remaining = order.totalAmount() - order.refundedAmount();
                return remaining > 0 ? setAside(order, remaining, "CANCELLED", buyer.id(), null) : null;
            });
            if (refund != null) {
                settle(refund);
            }
            return kept(buyer.id(), key, orderResponse(buyer, orders.findByPublicId(orderId).orElseThrow()));
        }, id -> orderResponse(buyer, orders.findById(id).orElseThrow()));
    }

    /** Refunds {@code amount} (null: all that the actor may still refund). */
    public StoredResponse refund(CurrentUser actor, String orderId, String key, Long amount) {
        IdempotentRequests.checkKey(key);
        var fingerprint = idempotent.fingerprint("POST /api/orders/" + orderId + "/refund", amount == null ? "" : amount);
        return idempotent.run(actor.id(), key, fingerprint, () -> {
            var refund = transaction.execute(tx -> {
                idempotent.claim(actor.id(), key, fingerprint);
                var order = orders.findByPublicId(orderId).orElseThrow(() -> ApiException.notFound("order"));
                var seller = order.sells(actor.id());
                if (!actor.admin() && !seller) {
                    if (order.buyerId() == actor.id()) {
                        throw ApiException.forbidden("only a seller of this order or an admin may refund it");
                    }
                    throw ApiException.notFound("order");
                }
                if (!order.status().refundable()) {
                    throw ApiException.conflict("not-refundable", "status",
                            "only paid or shipped orders can be refunded; this one is " + order.status());
                }
                var remaining = order.totalAmount() - order.refundedAmount();
                var limit = actor.admin() ? remaining : Math.min(remaining,
                        order.totalOf(actor.id()) - orders.refundedBySeller(order.id(), actor.id()));
                if (limit <= 0) {
                    throw ApiException.conflict("nothing-to-refund", "amount", "nothing is left for you to refund");
                }
                var wanted = amount == null ? limit : amount;
                if (wanted < 1 || wanted > limit) {
                    throw ApiException.invalid("amount", "must be between 1 and " + limit + " (what is left to refund)");
                }
                idempotent.attach(actor.id(), key, order.id());
                return setAside(order, wanted, "REFUND", actor.id(), actor.admin() ? null : actor.id());
            });
            if (settle(refund) instanceof RefundResult.Failed failed) {
                return kept(actor.id(), key, StoredResponse.error(new ApiException(HttpStatus.BAD_GATEWAY,
                        "refund-failed", "the payment provider refused the refund: " + failed.code(),
                        Map.of("refund", List.of("was refused (" + failed.code() + ")")), null), json));
            }
            return kept(actor.id(), key, orderResponse(actor, orders.findByPublicId(orderId).orElseThrow()));
        }, id -> orderResponse(actor, orders.findById(id).orElseThrow()));
    }

    /**
     * Applies {@link SuspendedSellerPolicy} to one order of a suspended seller, then asks the provider to pay the
     * refund back (the buyer hears of it as of any refund). The order's row is locked first, so a repeated or
     * concurrent call for the same order finds nothing more to do.
     */
    void forSuspendedSeller(long orderId, long sellerId) {
        var refund = transaction.execute(tx -> {
            orders.lock(orderId);
            var order = orders.findById(orderId).orElseThrow();
            return switch (SuspendedSellerPolicy.decide(order, sellerId, orders.refundedBySeller(orderId, sellerId))) {
                case SuspendedSellerPolicy.Cancel cancel -> {
                    if (!orders.markCancelled(orderId, clock.instant())) {
                        yield null;
                    }
                    inventory.restock(order.stockLines());
                    yield cancel.refund() > 0
                            ? setAside(order, cancel.refund(), SuspendedSellerPolicy.REASON, null, sellerId) : null;
                }
                case SuspendedSellerPolicy.RefundLines lines ->
                    setAside(order, lines.amount(), SuspendedSellerPolicy.REASON, null, sellerId);
                case SuspendedSellerPolicy.LeaveAlone leave -> null;
            };
        });
        if (refund != null) {
            settle(refund);
        }
    }

    /**
     * Pays back a charge that succeeded after its order had already failed or expired (its stock is gone):
     * recorded now, paid back by {@link Reconciliation} outside this transaction.
     */
    void refundLateCharge(Order order) {
        var remaining = order.totalAmount() - order.refundedAmount();
        if (remaining > 0) {
            setAside(order, remaining, "LATE_PAYMENT", null, null);
        }
    }

    /** Records what the provider says has been refunded in all, e.g. refunds made in its dashboard. */
    void recordProviderRefunds(Order order, long refundedInAll) {
        var missing = refundedInAll - order.refundedAmount();
        if (missing > 0 && orders.reserveRefund(order.id(), missing, clock.instant())) {
            var publicId = PublicIds.next("rf");
            orders.insertRefund(order.id(), publicId, missing, Order.RefundStatus.SUCCEEDED, "PROVIDER", null, null,
                    clock.instant());
            refunded(order.id(), publicId, missing, clock.instant());
        }
    }

    /** Asks the provider to pay the refund back and records the outcome; pending outcomes stay pending. */
    RefundResult settle(OrderRepository.PendingRefund refund) {
        var result = payments.refund(refund.orderPublicId(), refund.publicId(), refund.amount());
        var now = clock.instant();
        switch (result) {
            case RefundResult.Succeeded succeeded -> transaction.executeWithoutResult(tx -> {
                if (orders.settleRefund(refund.id(), Order.RefundStatus.SUCCEEDED, now)) {
                    refunded(refund.orderId(), refund.publicId(), refund.amount(), now);
                }
            });
            case RefundResult.Failed failed -> transaction.executeWithoutResult(tx -> {
                if (orders.settleRefund(refund.id(), Order.RefundStatus.FAILED, now)) {
                    orders.releaseRefund(refund.orderId(), refund.amount(), now);
                }
            });
            case RefundResult.Pending pending -> {
                // Reconciliation repeats it under the same key.
            }
        }
        return result;
    }

    /** A refund was paid back: the order may now be refunded in full; the buyer hears of it either way. */
    private void refunded(long orderId, String refundId, long amount, Instant now) {
        var whole = orders.markRefundedIfComplete(orderId, now);
        var order = orders.findById(orderId).orElseThrow();
        events.publishEvent(new OrderRefunded(order.publicId(), order.buyerId(), refundId, amount, order.currency(),
                whole, now));
    }

    private OrderRepository.PendingRefund setAside(Order order, long amount, String reason, Long actorId,
            Long sellerId) {
        if (!orders.reserveRefund(order.id(), amount, clock.instant())) {
            throw ApiException.conflict("nothing-to-refund", "amount", "the order has no more to refund");
        }
        var publicId = PublicIds.next("rf");
        var id = orders.insertRefund(order.id(), publicId, amount, Order.RefundStatus.PENDING, reason, actorId, sellerId,
                clock.instant());
        return new OrderRepository.PendingRefund(id, publicId, order.id(), order.publicId(), amount);
    }

    private StoredResponse kept(long userId, String key, StoredResponse response) {
        idempotent.complete(userId, key, response);
        return response;
    }

    private StoredResponse orderResponse(CurrentUser viewer, Order order) {
        var view = order.buyerId() == viewer.id() || viewer.admin() ? views.full(order)
                : views.render(List.of(order), viewer.id()).getFirst();
        return StoredResponse.success(HttpStatus.OK, new OrderJson.OrderResponse(view), json);
    }
}
