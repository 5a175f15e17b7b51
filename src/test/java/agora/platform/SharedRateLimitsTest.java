package agora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.lettuce.core.RedisClient;

import agora.test.Node;

/**
 * With Redis (the machine's, at {@code AGORA_TEST_REDIS_URL}) the nodes keep their buckets there and enforce one
 * limit together. Keys carry this run's prefix, so runs sharing the Redis never meet.
 */
@EnabledIfEnvironmentVariable(named = "AGORA_TEST_REDIS_URL", matches = ".+")
class SharedRateLimitsTest {

    static final String PREFIX = "agora-test-" + UUID.randomUUID() + ":";
    static final String REDIS = System.getenv("AGORA_TEST_REDIS_URL");

    final HttpClient http = HttpClient.newHttpClient();

    static Node node() {
        // A generous timeout: this test is about sharing, and a busy CI machine must not send it to per-node buckets.
        return Node.start("--agora.redis.url=" + REDIS, "--agora.redis.key-prefix=" + PREFIX, "--agora.redis.timeout=2s",
                "--agora.rate-limits.anonymous-reads.capacity=10", "--agora.rate-limits.anonymous-reads.period=1h");
    }

    @AfterAll
    static void forgetThisRunsKeys() {
        var client = RedisClient.create(REDIS);
        try (var connection = client.connect()) {
            var keys = connection.sync().keys(PREFIX + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aLimitOfTenSplitOverTwoNodesLetsTenThroughNotTwenty() throws Exception {
        try (var a = node(); var b = node()) {
            var statuses = new ArrayList<Integer>();
            var remaining = new ArrayList<String>();
            for (var i = 0; i < 20; i++) {
                var node = i % 2 == 0 ? a : b;
                var response = http.send(HttpRequest.newBuilder(node.uri("/api/tags")).build(),
                        HttpResponse.BodyHandlers.ofString());
                statuses.add(response.statusCode());
                remaining.add(response.headers().firstValue("RateLimit").orElseThrow().replaceAll(";t=.*", ""));
            }
            assertThat(statuses.subList(0, 10)).containsOnly(200);
            assertThat(statuses.subList(10, 20)).containsOnly(429);
            // One bucket: what is left counts down across both nodes.
            assertThat(remaining.subList(0, 4)).containsExactly("\"anonymous-reads\";r=9", "\"anonymous-reads\";r=8",
                    "\"anonymous-reads\";r=7", "\"anonymous-reads\";r=6");
        }
        var client = RedisClient.create(REDIS);
        try (var connection = client.connect()) {
            assertThat(connection.sync().keys(PREFIX + "anonymous-reads:*")).hasSize(1);
            assertThat(connection.sync().ttl(connection.sync().keys(PREFIX + "*").getFirst())).isPositive();
        } finally {
            client.shutdown();
        }
    }
}
