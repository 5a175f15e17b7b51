package agora.payments;

/** A provider reported (by webhook) that the charge for {@code reference} succeeded. */
public record PaymentSucceeded(String reference, String paymentId) {
}
