package agora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import agora.test.Api;
import agora.test.LoadShedding;

/**
 * A burst of 300 logins against a server process with a 256 MB heap: every login is answered (200) or shed (503
 * with Retry-After) within a bounded time, the server keeps its memory and stays up, and reads keep being served
 * while the hashes run.
 */
class LoginBurstTest {

    static final int LOGINS = 300;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();

    record Read(long startNanos, long nanos, int status) {
    }

    @Test
    void aBurstOfLoginsIsServedOrShedWithinBoundsOnASmallHeap(@TempDir Path dir) throws Exception {
        var port = freePort();
        var output = dir.resolve("server.log");
        var server = new ProcessBuilder(serverCommand(port, dir.resolve("data"))).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            var base = "http://127.0.0.1:" + port;
            awaitReady(server, base, output);
            var name = Api.uniqueName("burst");
            var email = name + "@example.com";
            var signUp = send(HttpRequest.newBuilder(URI.create(base + "/api/users")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.userJson(name, email, Api.PASSWORD))));
            assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);

            var reads = new ArrayList<Read>();
            var burstOver = new AtomicBoolean();
            var gate = new CountDownLatch(1);
            List<HttpResponse<String>> logins = new ArrayList<>();
            long start;
            long drained;
            int resets = 0;
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                var reader = threads.submit(() -> {
                    while (!burstOver.get()) {
                        long begin = System.nanoTime();
                        var status = send(HttpRequest.newBuilder(URI.create(base + "/api/articles"))).statusCode();
                        reads.add(new Read(begin, System.nanoTime() - begin, status));
                    }
                    return null;
                });
                var answers = new ArrayList<Future<HttpResponse<String>>>();
                for (int i = 0; i < LOGINS; i++) {
                    answers.add(threads.submit(() -> {
                        gate.await();
                        return send(HttpRequest.newBuilder(URI.create(base + "/api/users/login"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(Api.loginJson(email, Api.PASSWORD))));
                    }));
                }
                start = System.nanoTime();
                gate.countDown();
                try {
                    for (var answer : answers) {
                        try {
                            logins.add(answer.get(60, TimeUnit.SECONDS));
                        } catch (ExecutionException e) {
                            if (!(e.getCause() instanceof IOException)) {
                                throw e;
                            }
                            resets++; // the connection dropped under the burst (seen once in about ten runs)
                        }
                    }
                } finally {
                    burstOver.set(true);
                }
                drained = System.nanoTime() - start;
                reader.get(60, TimeUnit.SECONDS);
            }

            var ok = logins.stream().filter(r -> r.statusCode() == 200).count();
            var shed = logins.stream().filter(r -> r.statusCode() == 503).count();
            var during = reads.stream().filter(r -> r.startNanos() >= start && r.startNanos() < start + drained)
                    .mapToLong(Read::nanos).sorted().toArray();
            System.out.printf("%d logins: %d × 200, %d × 503, %d connections reset, others %d; drained in %d ms; "
                    + "%d reads during the burst, p50 %.1f ms, p99 %.1f ms%n", LOGINS, ok, shed, resets,
                    LOGINS - resets - ok - shed, drained / 1_000_000,
                    during.length, percentile(during, 0.50), percentile(during, 0.99));

            assertThat(logins).allSatisfy(response -> {
                if (response.statusCode() == 200) {
                    assertThat(response.body()).contains("\"token\":\"");
                } else {
                    LoadShedding.assertShed(response);
                }
            });
            assertThat(ok).as("logins served").isPositive();
            assertThat(resets).as("logins whose connection dropped").isLessThanOrEqualTo(LOGINS / 100);
            assertThat(Duration.ofNanos(drained)).as("time to answer every login").isLessThan(Duration.ofSeconds(15));
            assertThat(reads).as("reads answered during the burst").isNotEmpty()
                    .allSatisfy(read -> assertThat(read.status()).isEqualTo(200));
            assertThat(during).as("reads started during the burst").isNotEmpty();
            assertThat(server.isAlive()).as("the server is still up").isTrue();
            assertThat(Files.readString(output)).doesNotContain("OutOfMemoryError");
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The application on this test's class path, in its own JVM with a small heap. On PostgreSQL it uses this run's
     * schema; like the test contexts sharing it, it runs no email sweeps and no reconciliation of others' orders.
     */
    static List<String> serverCommand(int port, Path data) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        for (var key : List.of("spring.datasource.url", "spring.flyway.default-schema")) {
            var value = System.getProperty(key);
            if (value != null) {
                command.add("-D" + key + "=" + value);
            }
        }
        command.addAll(List.of("agora.AgoraApplication", "--server.port=" + port, "--agora.data-dir=" + data,
                // One address sends the whole burst and the reads: the limits would answer most of it 429.
                "--agora.demo-data.enabled=false", "--agora.rate-limits.login.capacity=100000",
                "--agora.rate-limits.sign-up.capacity=100000", "--agora.rate-limits.anonymous-reads.capacity=100000",
                "--agora.notifications.delivery.sweep=false",
                "--agora.orders.reconciliation.interval=1h", "--logging.level.agora.access=warn"));
        return command;
    }

    void awaitReady(Process server, String base, Path output) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server died:%n%s", Files.readString(output)).isTrue();
            try {
                if (send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server was not ready within 3 minutes:\n" + Files.readString(output));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) (q * sortedNanos.length))] / 1e6;
    }
}
