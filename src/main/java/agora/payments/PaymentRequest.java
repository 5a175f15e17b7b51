package agora.payments;

/**
 * A charge to make: {@code amount} minor units of {@code currency} from the payment method token the client
 * gave (e.g. {@code pm_card_visa}; card numbers never reach Agora). The {@code reference} names what is paid
 * for (an order id) and makes the charge idempotent: one reference is charged at most once.
 */
public record PaymentRequest(String reference, long amount, String currency, String paymentMethod) {
}
