package agora.payments;

/**
 * Charges and refunds through the configured payment provider. Every call is idempotent, so callers may
 * repeat any of them after a crash or a timeout without moving money twice. Call these outside database
 * transactions: a provider may take seconds to answer.
 */
public interface Payments {

    /** Charges once per {@link PaymentRequest#reference()}; a repeat answers the first charge's outcome. */
    PaymentResult charge(PaymentRequest request);

    /**
     * The outcome of an earlier {@link #charge}: retrieved from the provider when it answered before, otherwise
     * learned by repeating the charge under its idempotency key (which cannot charge twice).
     */
    PaymentResult outcome(PaymentRequest request);

    /** Pays back {@code amount} of the charge for {@code reference}; {@code refundKey} makes it idempotent. */
    RefundResult refund(String reference, String refundKey, long amount);
}
