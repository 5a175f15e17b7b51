package agora.platform.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

/**
 * Token buckets in Redis, shared by every node. Redis is never allowed to fail a request: a call that fails or
 * takes longer than {@code agora.redis.timeout} answers null, and the caller limits with this node's own buckets.
 * After a failure Redis is left alone for {@code retry-interval}, so an outage costs one timeout per interval,
 * not one per request. The outage is logged once, and its end once.
 */
@Component
@ConditionalOnProperty("agora.redis.url")
class RedisBuckets implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);

    private final RedisSettings settings;
    private final Clock clock;
    private final ClientResources resources;
    private final RedisClient client;
    private final AtomicBoolean down = new AtomicBoolean();
    private final Thread connector;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;
    private volatile long retryAt;

    RedisBuckets(RedisSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.resources = ClientResources.builder().ioThreadPoolSize(1).computationThreadPoolSize(1)
                .reconnectDelay(Delay.constant(settings.retryInterval())).build();
        var uri = RedisURI.create(settings.url());
        // The connection's handshake may take longer than a command on a busy node; commands keep the short timeout.
        uri.setTimeout(Duration.ofSeconds(2));
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While reconnecting, fail at once rather than queue commands behind the outage.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
                .build());
        this.retryAt = System.nanoTime();
        // A node starts whether or not Redis is up; until the first connection, it limits with its own buckets.
        this.connector = Thread.ofVirtual().name("redis-connect").start(this::connectUntilConnected);
    }

    private void connectUntilConnected() {
        while (connection == null) {
            try {
                var connected = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                buckets = warmUp(buckets(connected));
                connection = connected;
                answered();
            } catch (RuntimeException e) {
                failed(e);
                try {
                    Thread.sleep(settings.retryInterval());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    private ProxyManager<String> buckets(StatefulRedisConnection<String, byte[]> connection) {
        return Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(new ClockTimeMeter(clock))
                .requestTimeout(settings.timeout())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
    }

    /**
     * The first calls load and compile what a bucket in Redis needs, and may take longer than the timeout: they are
     * made here, before any request depends on them, and their failures do not count.
     */
    private ProxyManager<String> warmUp(ProxyManager<String> buckets) {
        var key = settings.keyPrefix() + "warm-up:" + UUID.randomUUID();
        var configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(10).refillGreedy(10, Duration.ofSeconds(1))).build();
        for (var i = 0; i < 10; i++) {
            try {
                buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
            } catch (RuntimeException slow) {
                // warming up is all it is for
            }
        }
        try {
            buckets.removeProxy(key);
        } catch (RuntimeException slow) {
            // it expires by itself
        }
        return buckets;
    }

    /** Takes one request from the bucket in Redis; null when Redis cannot say (soon enough). */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        var proxies = buckets;
        if (proxies == null || System.nanoTime() - retryAt < 0) {
            return null;
        }
        try {
            var probe = proxies.builder().build(settings.keyPrefix() + key, () -> configuration)
                    .tryConsumeAndReturnRemaining(1);
            answered();
            return probe;
        } catch (RuntimeException e) {
            failed(e);
            return null;
        }
    }

    /** Whether Redis answers a PING within the timeout now. */
    boolean answers() {
        var current = connection;
        if (current == null) {
            return false;
        }
        try {
            current.sync().ping();
            answered();
            return true;
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
    }

    /** Where Redis is, without the password the URL may carry. */
    String address() {
        var uri = RedisURI.create(settings.url());
        return uri.getHost() + ":" + uri.getPort();
    }

    private void answered() {
        retryAt = System.nanoTime();
        if (down.compareAndSet(true, false)) {
            log.info("Redis at {} answers again: rate limits are shared by every node again", address());
        }
    }

    private void failed(RuntimeException e) {
        retryAt = System.nanoTime() + settings.retryInterval().toNanos();
        if (down.compareAndSet(false, true)) {
            log.warn("Redis at {} does not answer ({}); each node limits with its own buckets until it does", address(),
                    NestedExceptionUtils.getMostSpecificCause(e).toString());
        }
    }

    @Override
    public void destroy() {
        connector.interrupt();
        var current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
