package agora.orders.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reservationTtl how long a pending order holds its stock before it expires
 * @param reconciliation when pending orders and refunds are settled with the payment provider
 * @param idempotencyKeyTtl how long an Idempotency-Key and its first response are kept (at least 24 h)
 * @param idempotencyWait how long a repeat waits for the first request with its key to finish
 * @param maxCartItems distinct products a cart may hold
 * @param maxQuantity units of one product per cart item
 */
@ConfigurationProperties("agora.orders")
public record OrdersProperties(Duration reservationTtl, Reconciliation reconciliation, Duration idempotencyKeyTtl,
        Duration idempotencyWait, int maxCartItems, int maxQuantity) {

    /**
     * @param interval how often the job runs
     * @param grace how old a pending order or refund must be before the job touches it: longer than a
     *        checkout's call to the provider may take, so the job never races a checkout still in flight
     */
    public record Reconciliation(Duration interval, Duration grace) {
    }
}
