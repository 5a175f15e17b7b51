package agora.payments;

/** What became of a charge. */
public sealed interface PaymentResult {

    /** The money was taken; {@code paymentId} is the provider's id of the charge. */
    record Succeeded(String paymentId) implements PaymentResult {
    }

    /** The bank refused, e.g. {@code card_declined} or {@code insufficient_funds}; nothing was taken. */
    record Declined(String code) implements PaymentResult {
    }

    /** The outcome is not known yet (provider timed out, failed or is still processing). */
    record Pending(String reason) implements PaymentResult {
    }
}
