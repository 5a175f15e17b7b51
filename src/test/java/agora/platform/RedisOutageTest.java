package agora.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.jayway.jsonpath.JsonPath;

import agora.test.Node;
import agora.test.RedisProcess;

/**
 * Redis failing never fails a request: a node whose Redis is gone or slow limits with its own buckets within the
 * Redis timeout, says so once in the log and in health (not in readiness), and goes back to Redis by itself.
 * These tests run a Redis of their own and stop only that one.
 */
@EnabledIfEnvironmentVariable(named = "AGORA_TEST_REDIS_URL", matches = ".+")
@ExtendWith(OutputCaptureExtension.class)
class RedisOutageTest {

    static final String WENT_AWAY = "does not answer";
    static final String CAME_BACK = "answers again";

    final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, long millis, String body) {
    }

    Answer get(Node node, String path) throws Exception {
        var start = System.nanoTime();
        var response = http.send(HttpRequest.newBuilder(node.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), (System.nanoTime() - start) / 1_000_000, response.body());
    }

    List<Answer> reads(Node node, int count) throws Exception {
        var answers = new ArrayList<Answer>();
        for (var i = 0; i < count; i++) {
            answers.add(get(node, "/api/tags"));
        }
        return answers;
    }

    static Node node(RedisProcess redis, String timeout) {
        return Node.start("--agora.redis.url=" + redis.url(), "--agora.redis.timeout=" + timeout,
                "--agora.redis.retry-interval=300ms",
                "--agora.rate-limits.anonymous-reads.capacity=5", "--agora.rate-limits.anonymous-reads.period=1h");
    }

    String redisHealth(Node node) throws Exception {
        var health = get(node, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        return JsonPath.read(health.body(), "$.components.redis.status");
    }

    @Test
    void whenRedisDiesEachNodeLimitsOnItsOwnAndGoesBackToRedisWhenItReturns(CapturedOutput output) throws Exception {
        assumeTrue(RedisProcess.available(), "redis-server is not installed");
        // A dead Redis fails at once; the timeout is generous so that a busy machine alone never looks like one.
        try (var redis = RedisProcess.start(); var node = node(redis, "500ms")) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> redisHealth(node).equals("UP"));
            assertThat(reads(node, 6)).extracting(Answer::status).containsExactly(200, 200, 200, 200, 200, 429);
            assertThat(redis.cli("KEYS", "agora:anonymous-reads:*")).startsWith("agora:anonymous-reads:");

            var before = output.getAll().length();
            redis.kill();
            var during = reads(node, 30);
            assertThat(during).extracting(Answer::status).allMatch(status -> status == 200 || status == 429);
            assertThat(during.subList(0, 5)).extracting(Answer::status).containsOnly(200); // this node's own bucket
            assertThat(during.subList(5, 30)).extracting(Answer::status).containsOnly(429);
            assertThat(during).extracting(Answer::millis).allMatch(millis -> millis < 1_000);
            assertThat(redisHealth(node)).isEqualTo("DEGRADED");
            assertThat(get(node, "/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(output.getAll().substring(before).split(WENT_AWAY, -1)).hasSize(2);

            redis.restart();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> redisHealth(node).equals("UP"));
            assertThat(reads(node, 6)).extracting(Answer::status).containsExactly(200, 200, 200, 200, 200, 429);
            assertThat(redis.cli("KEYS", "agora:anonymous-reads:*")).startsWith("agora:anonymous-reads:");
            assertThat(output.getAll().substring(before).split(CAME_BACK, -1)).hasSize(2);
        }
    }

    @Test
    void aSlowRedisCostsARequestNoMoreThanTheTimeout() throws Exception {
        assumeTrue(RedisProcess.available(), "redis-server is not installed");
        try (var redis = RedisProcess.start(); var node = node(redis, "50ms")) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> redisHealth(node).equals("UP"));
            get(node, "/api/tags");
            var sleeping = CompletableFuture.runAsync(() -> {
                try {
                    redis.cli("DEBUG", "SLEEP", "3");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            var during = reads(node, 20);
            assertThat(sleeping).isNotDone();
            assertThat(during).extracting(Answer::status).allMatch(status -> status == 200 || status == 429);
            // The timeout is 50 ms; the rest is slack for a busy two-core machine.
            assertThat(during).extracting(Answer::millis).allMatch(millis -> millis < 500);
            sleeping.join();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> redisHealth(node).equals("UP"));
        }
    }
}
