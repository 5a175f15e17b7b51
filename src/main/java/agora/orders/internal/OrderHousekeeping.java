package agora.orders.internal;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets Idempotency-Keys (and their responses) once they are older than their TTL (at least 24 h). */
@Component
public class OrderHousekeeping {

    private final IdempotentRequests idempotent;
    private final OrdersProperties properties;
    private final Clock clock;

    OrderHousekeeping(IdempotentRequests idempotent, OrdersProperties properties, Clock clock) {
        this.idempotent = idempotent;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public int forgetOldIdempotencyKeys() {
        return idempotent.forgetKeysCreatedBefore(clock.instant().minus(properties.idempotencyKeyTtl()));
    }
}
