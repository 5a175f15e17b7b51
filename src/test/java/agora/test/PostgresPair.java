package agora.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

/**
 * A PostgreSQL primary and a streaming replica of the tests' own: two fresh clusters in a temporary directory (initdb,
 * then {@code pg_basebackup -R} from it), on free loopback ports, started with this machine's server binaries. They
 * share nothing with the machine's own server, so tests may stop the replica or pause its replay. When the tests run
 * as root, the servers run as the {@code postgres} OS user (PostgreSQL refuses to run as root). {@link #close()}
 * stops both, by their own data directories, and deletes them.
 *
 * <pre>
 * assumeTrue(PostgresPair.available(), "no PostgreSQL server binaries");
 * try (var pair = PostgresPair.start()) {
 *     var node = Node.start("--spring.datasource.url=" + pair.primaryUrl("agora"),
 *             "--agora.datasource.replica.url=" + pair.replicaUrl("agora"));
 * }
 * </pre>
 */
public final class PostgresPair implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Path bin;
    private final Path dir;
    private final int primaryPort;
    private final int replicaPort;
    private boolean primaryRunning;
    private boolean replicaRunning;

    private PostgresPair(Path bin, Path dir, int primaryPort, int replicaPort) {
        this.bin = bin;
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
    }

    /** Whether this machine has the PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup). */
    public static boolean available() {
        return binaries() != null;
    }

    public static PostgresPair start() throws IOException, InterruptedException {
        var bin = binaries();
        if (bin == null) {
            throw new IllegalStateException("no PostgreSQL server binaries (initdb) in /usr/lib/postgresql or on PATH");
        }
        var dir = Files.createTempDirectory("agora-pg-pair-");
        var pair = new PostgresPair(bin, dir, freePort(), freePort());
        try {
            pair.create();
            return pair;
        } catch (IOException | InterruptedException | RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    public String primaryUrl(String schema) {
        return url(primaryPort, schema);
    }

    public String replicaUrl(String schema) {
        return url(replicaPort, schema);
    }

    /** Stops the replica as an administrator would (fast shutdown: connections are cut). */
    public void stopReplica() throws IOException, InterruptedException {
        pgCtl("replica", "stop", "-m", "fast");
        replicaRunning = false;
    }

    /** Starts it again; it catches up with the primary from where it stopped. */
    public void startReplica() throws IOException, InterruptedException {
        pgCtl("replica", "start");
        replicaRunning = true;
    }

    /** Stops applying the primary's changes: it keeps answering, with what it had (it still receives the WAL). */
    public void pauseReplay() throws SQLException {
        onReplica("select pg_wal_replay_pause()");
    }

    public void resumeReplay() throws SQLException {
        onReplica("select pg_wal_replay_resume()");
    }

    /** The primary's current WAL position, in bytes. */
    public long primaryPosition() throws SQLException {
        return queryLong(primaryUrl("public"), "select pg_current_wal_lsn() - '0/0'::pg_lsn");
    }

    /** Waits until the replica has replayed everything the primary had written when this was called. */
    public void awaitReplayed() throws SQLException {
        var target = primaryPosition();
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() ->
                queryLong(replicaUrl("public"), "select pg_last_wal_replay_lsn() - '0/0'::pg_lsn") >= target);
    }

    /** A number the query answers, e.g. a count, from the server at this URL. */
    public static long queryLong(String url, String sql, Object... parameters) throws SQLException {
        try (var connection = DriverManager.getConnection(url); var statement = connection.prepareStatement(sql)) {
            for (var i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (replicaRunning) {
                pgCtl("replica", "stop", "-m", "immediate");
                replicaRunning = false;
            }
            if (primaryRunning) {
                pgCtl("primary", "stop", "-m", "immediate");
                primaryRunning = false;
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    // ---- set-up ---------------------------------------------------------------------------------------

    private void create() throws IOException, InterruptedException {
        if (runningAsRoot()) {
            var postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        run(bin.resolve("initdb").toString(), "-D", dir.resolve("primary").toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-sync");
        // initdb's pg_hba.conf trusts local and loopback connections, replication ones included.
        Files.writeString(dir.resolve("primary/postgresql.conf"), """

                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                max_connections = 100
                shared_buffers = 16MB
                fsync = off
                wal_level = replica
                max_wal_senders = 4
                hot_standby = on
                """.formatted(primaryPort, dir), StandardOpenOption.APPEND);
        pgCtl("primary", "start");
        primaryRunning = true;
        run(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", Integer.toString(primaryPort), "-U",
                "postgres", "-D", dir.resolve("replica").toString(), "-R", "-X", "stream", "-c", "fast",
                // a slot keeps the WAL a stopped replica still needs
                "-C", "-S", "replica");
        Files.writeString(dir.resolve("replica/postgresql.conf"), "\nport = %d\n".formatted(replicaPort),
                StandardOpenOption.APPEND);
        startReplica();
    }

    private void pgCtl(String cluster, String... action) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve(cluster).toString(),
                "-l", dir.resolve(cluster + ".log").toString(), "-w", "-t", "60"));
        command.addAll(List.of(action));
        run(command.toArray(String[]::new));
    }

    private void onReplica(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(replicaUrl("public"));
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void run(String... command) throws IOException, InterruptedException {
        var full = new ArrayList<String>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        var process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output + logs());
        }
    }

    private String logs() throws IOException {
        var logs = new StringBuilder();
        for (var name : List.of("primary.log", "replica.log")) {
            var log = dir.resolve(name);
            if (Files.exists(log)) {
                logs.append("\n--- ").append(name).append(":\n").append(Files.readString(log));
            }
        }
        return logs.toString();
    }

    private static String url(int port, String schema) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&currentSchema=" + schema;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The newest /usr/lib/postgresql/<version>/bin (Debian, Ubuntu), else the directory of an initdb on the PATH. */
    private static Path binaries() {
        var debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.map(version -> version.resolve("bin"))
                        .filter(candidate -> Files.isExecutable(candidate.resolve("initdb")))
                        .max(Comparator.comparingInt(PostgresPair::majorVersion));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                // look on the PATH instead
            }
        }
        for (var entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "initdb"))) {
                return Path.of(entry);
            }
        }
        return null;
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
