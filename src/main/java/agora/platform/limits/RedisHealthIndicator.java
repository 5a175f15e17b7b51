package agora.platform.limits;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code redis}: DEGRADED while Redis does not answer. Not part of readiness: without Redis a
 * node still serves every request, only its rate limits are its own instead of shared.
 */
@Component
@ConditionalOnProperty("agora.redis.url")
class RedisHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "rate limits are per node until Redis answers again");

    private final RedisBuckets redis;

    RedisHealthIndicator(RedisBuckets redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        var health = redis.answers() ? Health.up().withDetail("rateLimits", "shared by every node")
                : Health.status(DEGRADED).withDetail("rateLimits", "per node");
        return health.withDetail("address", redis.address()).build();
    }
}
