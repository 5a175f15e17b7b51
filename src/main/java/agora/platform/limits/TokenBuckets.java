package agora.platform.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import agora.platform.RateLimit;
import agora.platform.RateLimits;

/**
 * The token buckets behind every limit: in Redis when it is configured and answering, so that all nodes enforce
 * one limit together; otherwise in this node's memory. A bucket disappears once it has been full for a while.
 */
@Component
class TokenBuckets implements RateLimits {

    /** Buckets this node keeps itself; an attacker cycling keys can evict others', not grow the heap. */
    private static final int MAX_LOCAL_BUCKETS = 200_000;

    private final RateLimitProperties properties;
    private final Map<RateLimit, BucketConfiguration> configurations = new EnumMap<>(RateLimit.class);
    private final ProxyManager<String> local;
    private final RedisBuckets shared;

    TokenBuckets(RateLimitProperties properties, ObjectProvider<RedisBuckets> shared, Clock clock) {
        this.properties = properties;
        for (var limit : RateLimit.values()) {
            var quota = properties.of(limit);
            configurations.put(limit, BucketConfiguration.builder()
                    .addLimit(bandwidth -> bandwidth.capacity(quota.capacity())
                            .refillGreedy(quota.capacity(), quota.period()))
                    .build());
        }
        this.local = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(MAX_LOCAL_BUCKETS))
                .clientClock(new ClockTimeMeter(clock))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
        this.shared = shared.getIfAvailable();
    }

    /** Takes one request from the bucket of this limit and key, and tells how that went. */
    Verdict take(RateLimit limit, String key) {
        var bucketKey = limit.policy() + ":" + key;
        var configuration = configurations.get(limit);
        var probe = shared == null ? null : shared.tryConsume(bucketKey, configuration);
        if (probe == null) {
            probe = local.builder().build(bucketKey, () -> configuration).tryConsumeAndReturnRemaining(1);
        }
        return Verdict.of(limit, properties.of(limit), probe);
    }

    @Override
    public void consume(RateLimit limit, String key) {
        var verdict = take(limit, key);
        if (!verdict.allowed()) {
            throw verdict.exceeded();
        }
    }
}
