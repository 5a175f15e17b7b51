package agora.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * A Redis server of a test's own, on a free port, for tests that take Redis away: they stop only this process,
 * never the machine's shared Redis. Needs the {@code redis-server} program.
 */
public final class RedisProcess implements AutoCloseable {

    private final int port;
    private Process process;

    private RedisProcess(int port) {
        this.port = port;
    }

    /** Whether this machine can run one (redis-server on the PATH). */
    public static boolean available() {
        return program() != null;
    }

    public static RedisProcess start() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var redis = new RedisProcess(port);
        redis.restart();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it (again) on its port, and waits until it accepts connections. */
    public void restart() throws IOException {
        process = new ProcessBuilder(List.of(program().toString(), "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--enable-debug-command", "local")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (var socket = new Socket("127.0.0.1", port)) {
                return true;
            }
        });
    }

    /** Kills it at once, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Runs a command in redis-cli against it, e.g. {@code DEBUG SLEEP 2}; answers its output. */
    public String cli(String... command) throws IOException, InterruptedException {
        var cli = Path.of(program().getParent().toString(), "redis-cli");
        var args = new java.util.ArrayList<>(List.of(cli.toString(), "-p", Integer.toString(port)));
        args.addAll(List.of(command));
        var run = new ProcessBuilder(args).redirectErrorStream(true).start();
        var output = new String(run.getInputStream().readAllBytes());
        run.waitFor();
        return output.strip();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private static Path program() {
        for (var dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            var candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
