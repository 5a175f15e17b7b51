package agora.orders.internal;

/**
 * What becomes of an order when one of its sellers is suspended. The seller cannot ship, so the buyer must not be
 * left waiting with their money gone:
 * <ul>
 * <li>paid, not shipped, and every line is the seller's: the order is cancelled, its stock goes back, and what is
 * left of its total is refunded (as if the buyer had cancelled);</li>
 * <li>paid, not shipped, shared with other sellers: the suspended seller's lines are refunded (what they have not
 * refunded yet); the other sellers still ship theirs;</li>
 * <li>awaiting payment: nothing yet. The charge is under way and the state machine has no clean way to stop it; the
 * order soon ends paid (and is then handled as above, on its {@code OrderSold}) or failed or expired (its
 * reservation released);</li>
 * <li>shipped, or already ended (cancelled, refunded, failed, expired): left alone; the buyer still has the usual
 * refund paths.</li>
 * </ul>
 * A second look at the same order finds nothing more to do: a cancelled order is left alone, and lines already
 * refunded leave nothing to refund.
 */
final class SuspendedSellerPolicy {

    /** The refund's reason, as stored on it. */
    static final String REASON = "SELLER_SUSPENDED";

    sealed interface Decision {
    }

    /** Cancel the whole order, stock back, and refund {@code refund} (what is left of its total). */
    record Cancel(long refund) implements Decision {
    }

    /** Refund {@code amount} of the seller's lines; the order stays as it is for its other sellers. */
    record RefundLines(long amount) implements Decision {
    }

    record LeaveAlone() implements Decision {
    }

    private SuspendedSellerPolicy() {
    }

    /**
     * @param refundedBySeller what refunds attributed to this seller have paid back or are paying back on the order
     */
    static Decision decide(Order order, long sellerId, long refundedBySeller) {
        if (order.status() != OrderStatus.PAID || !order.sells(sellerId)) {
            return new LeaveAlone();
        }
        var remaining = order.totalAmount() - order.refundedAmount();
        if (order.lines().stream().allMatch(l -> l.sellerId() == sellerId)) {
            return new Cancel(remaining);
        }
        var amount = Math.min(remaining, order.totalOf(sellerId) - refundedBySeller);
        return amount > 0 ? new RefundLines(amount) : new LeaveAlone();
    }
}
