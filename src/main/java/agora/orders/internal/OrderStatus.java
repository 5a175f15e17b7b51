package agora.orders.internal;

/**
 * An order's life: {@code PAYMENT_PENDING} (stock reserved, charge under way) ends as {@code PAID},
 * {@code PAYMENT_FAILED} (declined; stock released) or {@code EXPIRED} (no outcome in time; stock released).
 * A paid order is {@code SHIPPED} by its seller, {@code CANCELLED} by its buyer before that (refunded,
 * stock back), or {@code REFUNDED} once refunds pay back its whole total.
 */
public enum OrderStatus {
    PAYMENT_PENDING, PAID, PAYMENT_FAILED, EXPIRED, SHIPPED, CANCELLED, REFUNDED;

    boolean refundable() {
        return this == PAID || this == SHIPPED;
    }
}
