package agora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.jayway.jsonpath.JsonPath;

import agora.AgoraApplication;
import agora.test.Api;
import agora.test.LoadShedding;
import agora.test.TcpProxy;

/**
 * PostgreSQL becomes unreachable (a proxy between the node and the database is cut): readiness reports DOWN within
 * a few seconds, each probe bounded; requests get 503 with Retry-After within the pool's wait, never a 500 or a
 * hang; once the database is back, so is the node.
 */
@EnabledIfEnvironmentVariable(named = "AGORA_TEST_POSTGRES_URL", matches = ".+")
class DatabaseOutageTest {

    static final Duration PROBE_BOUND = Duration.ofSeconds(8);

    static TcpProxy proxy;
    static ConfigurableApplicationContext node;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startNodeBehindAProxy() {
        // The run's schema, set by PostgresTestSchema; only the host and port change.
        var url = System.getProperty("spring.datasource.url");
        var database = URI.create(url.substring("jdbc:".length()));
        proxy = new TcpProxy(database.getHost(), database.getPort() == -1 ? 5432 : database.getPort());
        var viaProxy = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
        node = new SpringApplicationBuilder(AgoraApplication.class).profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + viaProxy);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    HttpResponse<String> get(String path, String authorization) throws Exception {
        var port = ((WebServerApplicationContext) node).getWebServer().getPort();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        var port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Probes readiness until it answers the status; every probe must answer within {@link #PROBE_BOUND}. */
    Duration awaitReadiness(int status, Duration atMost) throws Exception {
        long start = System.nanoTime();
        while (true) {
            long probe = System.nanoTime();
            var answer = get("/actuator/health/readiness", null).statusCode();
            assertThat(Duration.ofNanos(System.nanoTime() - probe)).as("one readiness probe").isLessThan(PROBE_BOUND);
            var waited = Duration.ofNanos(System.nanoTime() - start);
            if (answer == status) {
                return waited;
            }
            assertThat(waited).as("waiting for readiness " + status).isLessThan(atMost);
            Thread.sleep(200);
        }
    }

    static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void whileTheDatabaseIsUnreachableTheNodeIsNotReadyAndSheds503ThenRecovers() throws Exception {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        var name = Api.uniqueName("outage");
        var registered = post("/api/users", Api.userJson(name, name + "@example.com", Api.PASSWORD));
        assertThat(registered.statusCode()).isEqualTo(201);
        // Not used yet, so its session is not cached: authenticating it needs the database.
        var authorization = "Token " + JsonPath.read(registered.body(), "$.user.token");

        proxy.cut();
        try {
            var down = awaitReadiness(503, Duration.ofSeconds(10));
            System.out.println("readiness DOWN " + down.toMillis() + " ms after the cut");
            assertThat(get("/actuator/health/readiness", null).body()).contains("DOWN");

            long start = System.nanoTime();
            LoadShedding.assertShed(get("/api/articles", null));
            assertThat(since(start)).isLessThan(PROBE_BOUND);
            start = System.nanoTime();
            LoadShedding.assertShed(get("/api/user", authorization));
            assertThat(since(start)).isLessThan(PROBE_BOUND);
        } finally {
            proxy.restore();
        }

        awaitReadiness(200, Duration.ofSeconds(20));
        assertThat(get("/api/articles", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/user", authorization).statusCode()).isEqualTo(200);
    }
}
