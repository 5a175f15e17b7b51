package agora.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.springframework.util.FileSystemUtils;

/**
 * An S3-compatible server of a test's own (s3rver, from the npm registry), on a free port, keeping its buckets in a
 * temporary directory that goes with it. The program is the one {@code AGORA_TEST_S3RVER} names, else the one that
 * {@code npm ci --prefix ops/s3} installs; without either the tests that need it are skipped.
 */
public final class S3rverProcess implements AutoCloseable {

    /** s3rver's one account. */
    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";

    private static final Pattern LISTENING = Pattern.compile("S3rver listening on [^:]+:(\\d+)");

    private final Path directory;
    private final ProcessHandle process;
    private final int port;

    private S3rverProcess(Path directory, ProcessHandle process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /** Whether this machine can run one. */
    public static boolean available() {
        return program() != null;
    }

    /** Starts one on a port of its choosing (s3rver takes port 0), and waits until it says which. */
    public static S3rverProcess start() throws IOException {
        var directory = Files.createTempDirectory("agora-s3rver");
        var log = directory.resolve("s3rver.log");
        var data = Files.createDirectory(directory.resolve("data"));
        var process = new ProcessBuilder(List.of(program().toString(), "--directory", data.toString(), "--address",
                "127.0.0.1", "--port", "0", "--silent")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            var port = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .failFast("s3rver exited", () -> !process.isAlive()).until(() -> port(log), Optional::isPresent);
            return new S3rverProcess(directory, process.toHandle(), port.orElseThrow());
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static Optional<Integer> port(Path log) throws IOException {
        var listening = LISTENING.matcher(Files.readString(log));
        return listening.find() ? Optional.of(Integer.parseInt(listening.group(1))) : Optional.empty();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops it by its process id and deletes its buckets. */
    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
        }
        FileSystemUtils.deleteRecursively(directory);
    }

    private static Path program() {
        var named = System.getenv("AGORA_TEST_S3RVER");
        var candidate = named != null && !named.isBlank() ? Path.of(named)
                : Path.of("ops", "s3", "node_modules", ".bin", "s3rver");
        return Files.isExecutable(candidate) ? candidate : null;
    }
}
