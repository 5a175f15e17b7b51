package agora.platform.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

import agora.platform.DemoSeeding;

/**
 * Seeds under a PostgreSQL session advisory lock, held on a connection of its own for the seeding's duration. A
 * node that dies mid-seed loses its session and with it the lock, so the others go on at once; one that hangs
 * holds them back for at most the wait. The lock's key is derived from the schema: applications (and test runs)
 * in other schemas of the database do not wait for each other.
 */
final class PostgresDemoSeeding implements DemoSeeding {

    private static final Logger log = LoggerFactory.getLogger(PostgresDemoSeeding.class);
    private static final long POLL_MILLIS = 100;

    private final DataSource dataSource;
    private final Duration wait;

    PostgresDemoSeeding(DataSource dataSource, Duration wait) {
        this.dataSource = dataSource;
        this.wait = wait;
    }

    @Override
    public void seed(String part, Runnable seeding) {
        try (var connection = dataSource.getConnection()) {
            var key = key(schema(connection));
            if (!lock(connection, key, part)) {
                log.warn("Demo data: another node has been seeding for over {}; starting without seeding {}", wait,
                        part);
                return;
            }
            try {
                seeding.run();
            } finally {
                unlock(connection, key);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("demo data: the seeding lock failed", e);
        } catch (InterruptedException e) {
            // Start-up is being cancelled: nothing to seed for.
            Thread.currentThread().interrupt();
        }
    }

    /** The advisory lock's key for demo seeding in this schema. */
    static long key(String schema) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(("agora demo data in " + schema).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean lock(Connection connection, long key, String part) throws SQLException, InterruptedException {
        var deadline = System.nanoTime() + wait.toNanos();
        var waiting = false;
        while (!tryLock(connection, key)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            if (!waiting) {
                log.info("Demo data: another node is seeding; {} waits for it (at most {})", part, wait);
                waiting = true;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection, long key) throws SQLException {
        try (var statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        }
    }

    private static String schema(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select current_schema()")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
