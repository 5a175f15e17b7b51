package agora.payments;

/** A provider reported (by webhook) that the charge for {@code reference} failed. */
public record PaymentFailed(String reference, String code) {
}
