package agora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a server in its own JVM while a client keeps opening new connections: readiness answers 503 at once,
 * every request during the drain is served, and then the process exits as a JVM ended by SIGTERM does.
 */
class ShutdownDrainTest {

    static final Duration DRAIN = Duration.ofSeconds(4);
    /** Requests this close to the drain's end may meet the closing port; a load balancer has stopped sending. */
    static final Duration EDGE = Duration.ofMillis(500);
    /** 128 + SIGTERM (15): the JVM's exit status after its shutdown hooks ran. */
    static final int EXIT_ON_SIGTERM = 143;

    /** A response's status (0: none) and, unless 200, what came back instead. */
    record Answer(long startNanos, int status, String failure) {
    }

    @Test
    void aTerminatedServerRefusesReadinessButServesDuringTheDrainThenExits(@TempDir Path dir) throws Exception {
        var port = freePort();
        var output = dir.resolve("server.log");
        var builder = new ProcessBuilder(serverCommand(port, dir.resolve("data"))).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("AGORA_SHUTDOWN_DRAIN", DRAIN.toSeconds() + "s");
        var server = builder.start();
        try {
            awaitReady(server, port, output);
            var answers = new CopyOnWriteArrayList<Answer>();
            var done = new AtomicBoolean();
            var client = Thread.ofPlatform().start(() -> {
                while (!done.get()) {
                    answers.add(get(port, "/api/tags"));
                }
            });
            while (answers.stream().filter(a -> a.status() == 200).count() < 20) {
                Thread.sleep(50);
            }

            long signal = System.nanoTime();
            server.destroy();
            long refused = awaitReadinessRefused(port, signal);
            var exited = server.waitFor(DRAIN.plusSeconds(15).toMillis(), TimeUnit.MILLISECONDS);
            long exit = System.nanoTime();
            done.set(true);
            client.join(Duration.ofSeconds(20));

            var log = Files.readString(output);
            assertThat(exited).as("exited; the log:%n%s", log).isTrue();
            assertThat(server.exitValue()).as(log).isEqualTo(EXIT_ON_SIGTERM);
            assertThat(Duration.ofNanos(refused - signal)).as("readiness 503 after the signal")
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(Duration.ofNanos(exit - signal)).as("time to exit").isBetween(DRAIN, DRAIN.plusSeconds(10));

            long drainEnd = signal + DRAIN.minus(EDGE).toNanos();
            var beforeEnd = answers.stream().filter(a -> a.startNanos() < drainEnd).toList();
            var duringDrain = beforeEnd.stream().filter(a -> a.startNanos() >= signal).toList();
            assertThat(duringDrain.size()).as("requests sent during the drain").isGreaterThanOrEqualTo(20);
            assertThat(beforeEnd.stream().filter(answer -> answer.status() != 200).toList())
                    .as("requests until the drain's end that were not served").isEmpty();
            assertThat(log).contains("serving for PT4S more");
        } finally {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The moment readiness first answered 503 after the signal; fails if it did not within a few seconds. */
    static long awaitReadinessRefused(int port, long signal) throws InterruptedException {
        while (System.nanoTime() - signal < Duration.ofSeconds(5).toNanos()) {
            if (get(port, "/actuator/health/readiness").status() == 503) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("readiness did not answer 503 within 5 s of SIGTERM");
    }

    /** One request on a connection of its own, as a load balancer's new connection would be. */
    static Answer get(int port, String path) {
        long start = System.nanoTime();
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!response.startsWith("HTTP/1.1 ")) {
                return new Answer(start, 0, "no response");
            }
            var status = Integer.parseInt(response.substring(9, 12));
            return new Answer(start, status, status == 200 ? null : response);
        } catch (IOException e) {
            return new Answer(start, 0, e.toString());
        }
    }

    /** The application on this test's class path, in its own JVM; on PostgreSQL in this run's schema. */
    static List<String> serverCommand(int port, Path data) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path")));
        for (var key : List.of("spring.datasource.url", "spring.flyway.default-schema")) {
            var value = System.getProperty(key);
            if (value != null) {
                command.add("-D" + key + "=" + value);
            }
        }
        command.addAll(List.of("agora.AgoraApplication", "--server.port=" + port, "--agora.data-dir=" + data,
                "--agora.demo-data.enabled=false", "--agora.rate-limits.anonymous-reads.capacity=100000",
                // Like the test contexts sharing the schema: no email sweeps, no reconciliation of others' orders.
                "--agora.notifications.delivery.sweep=false", "--agora.orders.reconciliation.interval=1h",
                "--logging.level.agora.access=warn"));
        return command;
    }

    static void awaitReady(Process server, int port, Path output) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server died:%n%s", Files.readString(output)).isTrue();
            if (get(port, "/actuator/health/readiness").status() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server was not ready within 3 minutes:\n" + Files.readString(output));
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
