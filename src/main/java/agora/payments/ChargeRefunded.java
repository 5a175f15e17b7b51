package agora.payments;

/**
 * A provider reported (by webhook) that the charge for {@code reference} has now been refunded
 * {@code amountRefunded} minor units in all, possibly by refunds made outside Agora.
 */
public record ChargeRefunded(String reference, long amountRefunded) {
}
