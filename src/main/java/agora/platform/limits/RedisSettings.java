package agora.platform.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Redis that nodes share their rate-limit buckets in.
 *
 * @param url e.g. {@code redis://127.0.0.1:6379}; unset, every node keeps its buckets in memory
 * @param keyPrefix put before every key, so several deployments (or test runs) can share one Redis
 * @param timeout the longest a request waits for Redis before it is limited by this node's buckets instead
 * @param retryInterval after Redis failed to answer, how long requests go straight to this node's buckets before
 *        Redis is tried again
 */
@ConfigurationProperties("agora.redis")
record RedisSettings(String url, @DefaultValue("agora:") String keyPrefix, @DefaultValue("50ms") Duration timeout,
        @DefaultValue("1s") Duration retryInterval) {
}
