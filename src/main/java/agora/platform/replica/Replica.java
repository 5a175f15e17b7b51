package agora.platform.replica;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The read replica: its connection pool, and its state as a background thread checks it every check interval: it
 * answers within the timeout, is a standby, and its replay is at most max-lag behind the primary. A read that cannot
 * get a connection to it marks it down at once, until a check finds it back; a check that is overdue (hanging on a
 * replica that stopped answering) counts as a failed one. Each change between serving and not is logged once.
 */
final class Replica implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Replica.class);
    private static final String PRIMARY_POSITION = "select pg_current_wal_lsn() - '0/0'::pg_lsn";
    private static final String REPLAYED_POSITION =
            "select pg_is_in_recovery(), pg_last_wal_replay_lsn() - '0/0'::pg_lsn";

    private final ReplicaSettings settings;
    private final DataSource primary;
    private final HikariDataSource pool;
    private final Thread checker;
    private final long overdueNanos;
    private volatile ReplicaState state = ReplicaState.unchecked();
    private ReplayLag lag = ReplayLag.none(); // the checker's own

    Replica(ReplicaSettings settings, HikariDataSource primary) {
        this.settings = settings;
        this.primary = primary;
        this.pool = pool(settings, primary);
        // A check waits at most the timeout three times (the primary, a connection, the replica), and then sleeps.
        this.overdueNanos = settings.checkInterval().plus(settings.timeout().multipliedBy(4)).toNanos();
        this.checker = Thread.ofPlatform().name("replica-check").daemon().start(this::checkEvery);
    }

    /** Connections like the primary's (driver settings, pool size), read-only; waits at most the timeout for one. */
    private static HikariDataSource pool(ReplicaSettings settings, HikariDataSource primary) {
        var config = new HikariConfig();
        config.setPoolName("replica");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username() != null ? settings.username() : primary.getUsername());
        config.setPassword(settings.password() != null ? settings.password() : primary.getPassword());
        var properties = new Properties();
        properties.putAll(primary.getDataSourceProperties());
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(primary.getMaximumPoolSize());
        config.setMinimumIdle(primary.getMinimumIdle());
        config.setIdleTimeout(primary.getIdleTimeout());
        var timeout = Math.max(250, settings.timeout().toMillis());
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, timeout / 2));
        config.setReadOnly(true);
        // The node starts (and serves from the primary) while the replica is down.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** The latest check's findings; a serving replica whose check is overdue serves no more. */
    ReplicaState state() {
        var current = state;
        return current.serves() && System.nanoTime() - current.checkedAtNanos() > overdueNanos
                ? new ReplicaState(current.replayed(), current.lag(), "its check is overdue", current.checkedAtNanos())
                : current;
    }

    /** Where the replica is, without user or password. */
    String address() {
        var uri = URI.create(settings.url().substring("jdbc:".length()));
        return uri.getHost() + ":" + (uri.getPort() == -1 ? 5432 : uri.getPort());
    }

    /**
     * A live connection to the replica; failing to get one marks it down until a check finds it back. The pool
     * hands out a connection used in the last half second unchecked, and one to a replica that has just gone
     * would fail the read; so it is asked once (a round trip), and a dead one sends the read to the primary.
     */
    Connection connection() throws SQLException {
        Connection connection = null;
        try {
            connection = pool.getConnection();
            if (!connection.isValid(timeoutSeconds())) {
                throw new SQLException("the replica's connection is closed");
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            update(new ReplicaState(state.replayed(), state.lag(), "does not answer: " + cause(e), System.nanoTime()));
            throw e;
        }
    }

    static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException gone) {
                // back to its pool, or gone with the replica
            }
        }
    }

    /** How far the replica has replayed the primary's WAL, asked on one of its connections. */
    long replayed(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(REPLAYED_POSITION)) {
            statement.setQueryTimeout(timeoutSeconds());
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(2);
            }
        } catch (SQLException e) {
            update(new ReplicaState(state.replayed(), state.lag(), "does not answer: " + cause(e), System.nanoTime()));
            throw e;
        }
    }

    /** Where the primary's WAL stands now. */
    long primaryPosition() throws SQLException {
        try (var connection = primary.getConnection(); var statement = connection.prepareStatement(PRIMARY_POSITION)) {
            statement.setQueryTimeout(timeoutSeconds());
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private void checkEvery() {
        while (!Thread.currentThread().isInterrupted()) {
            check();
            try {
                Thread.sleep(settings.checkInterval());
            } catch (InterruptedException stopped) {
                return;
            }
        }
    }

    void check() {
        var at = System.nanoTime();
        long primaryPosition;
        try {
            primaryPosition = primaryPosition();
        } catch (SQLException | RuntimeException e) {
            update(new ReplicaState(state.replayed(), state.lag(), "cannot be compared with the primary: " + cause(e),
                    at));
            return;
        }
        try (var connection = pool.getConnection(); var statement = connection.prepareStatement(REPLAYED_POSITION)) {
            statement.setQueryTimeout(timeoutSeconds());
            try (var result = statement.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    update(new ReplicaState(0, Duration.ZERO, "is not a standby (pg_is_in_recovery() is false)", at));
                    return;
                }
                var replayed = result.getLong(2);
                lag = lag.observe(at, primaryPosition, replayed);
                var behind = lag.at(at);
                var lagging = behind.compareTo(settings.maxLag()) > 0;
                update(new ReplicaState(replayed, behind, lagging ? "lags " + behind.toMillis()
                        + " ms behind the primary (at most " + settings.maxLag().toMillis() + " ms)" : null, at));
            }
        } catch (SQLException | RuntimeException e) {
            update(new ReplicaState(state.replayed(), state.lag(), "does not answer: " + cause(e), at));
        }
    }

    private synchronized void update(ReplicaState next) {
        var previous = state;
        state = next;
        if (next.serves() && !previous.serves()) {
            log.info("Read replica at {} serves reads{} (lag {} ms)", address(),
                    ReplicaState.NOT_CHECKED.equals(previous.problem()) ? "" : " again", next.lag().toMillis());
        } else if (!next.serves() && (previous.serves() || ReplicaState.NOT_CHECKED.equals(previous.problem()))) {
            log.warn("Read replica at {} {}: reads go to the primary until it serves again", address(), next.problem());
        }
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, (settings.timeout().toMillis() + 999) / 1000);
    }

    private static String cause(Exception e) {
        return NestedExceptionUtils.getMostSpecificCause(e).getMessage();
    }

    @Override
    public void destroy() throws InterruptedException {
        checker.interrupt();
        checker.join(settings.timeout().multipliedBy(4).toMillis());
        pool.close();
    }
}
