package agora.platform.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import agora.platform.Broadcast;

/**
 * The broadcast over PostgreSQL's {@code LISTEN/NOTIFY}. Sending is a {@code pg_notify} through the
 * application's connections, so it joins the caller's transaction and goes out when that commits. Receiving
 * holds one connection of its own, outside the pool (a listening connection cannot serve requests), on which
 * a daemon thread waits in the driver for notifications. When that connection breaks, the thread opens
 * another after growing pauses, listens again and tells every listener that it may have missed messages.
 */
final class PostgresBroadcast implements Broadcast, SmartLifecycle {

    /** Started before, and stopped after, the services that send and listen. */
    static final int PHASE = -1000;
    private static final Logger log = LoggerFactory.getLogger(PostgresBroadcast.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int HEARTBEAT_TIMEOUT_SECONDS = 5;
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;

    /** Opens the dedicated listening connection. */
    @FunctionalInterface
    interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private final JdbcClient jdbc;
    private final ConnectionOpener opener;
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private volatile String schema;
    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private volatile Thread thread;

    PostgresBroadcast(JdbcClient jdbc, ConnectionOpener opener) {
        this.jdbc = jdbc;
        this.opener = opener;
    }

    /**
     * Listens on a connection opened like the pool's (same URL, user, password and driver properties), named
     * {@code applicationName} in {@code pg_stat_activity}.
     */
    static PostgresBroadcast over(HikariDataSource pool, JdbcClient jdbc, String applicationName) {
        if (pool.getJdbcUrl() == null) {
            throw new IllegalStateException("the cluster broadcast needs the pool's JDBC URL (spring.datasource.url)");
        }
        var properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("tcpKeepAlive", "true");
        return new PostgresBroadcast(jdbc, () -> DriverManager.getConnection(pool.getJdbcUrl(), properties));
    }

    @Override
    public void send(String topic, String message) {
        jdbc.sql("select pg_notify(?, ?)").params(channel(topic), message).query().listOfRows();
    }

    /** Takes effect at once before start; after it, within about half a second. */
    @Override
    public void subscribe(String topic, Listener listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    private String channel(String topic) {
        var current = schema;
        if (current == null) {
            current = jdbc.sql("select current_schema()").query(String.class).single();
            schema = current;
        }
        return ChannelNames.channel(current, topic);
    }

    // ---- lifecycle -----------------------------------------------------------------------------------

    @Override
    public void start() {
        stopping = new CountDownLatch(1);
        running = true;
        thread = Thread.ofPlatform().name("cluster-broadcast").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        stopping.countDown();
        var listening = thread;
        if (listening != null) {
            try {
                listening.join(WAIT_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    // ---- listening -----------------------------------------------------------------------------------

    private void listen() {
        var failures = 0;
        while (running) {
            try (var connection = opener.open()) {
                var channels = new HashMap<String, String>();
                listenToNewTopics(connection, channels);
                if (failures > 0) {
                    log.info("Cluster broadcast is listening again; messages sent meanwhile are taken as missed");
                    failures = 0;
                    listeners.values().forEach(list -> list.forEach(PostgresBroadcast::missed));
                }
                receive(connection, channels);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (failures++ == 0) {
                    log.warn("Cluster broadcast is not listening ({}); retrying until the database answers",
                            e.toString());
                }
                pause(Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(failures - 1, 6)));
            }
        }
    }

    private void receive(Connection connection, Map<String, String> channels) throws SQLException {
        var notifications = connection.unwrap(PGConnection.class);
        var lastHeard = System.nanoTime();
        while (running) {
            listenToNewTopics(connection, channels);
            var received = notifications.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                lastHeard = System.nanoTime();
                for (var notification : received) {
                    var topic = channels.get(notification.getName());
                    for (var listener : topic == null ? List.<Listener>of() : listeners.get(topic)) {
                        deliver(listener, notification.getParameter());
                    }
                }
            } else if (System.nanoTime() - lastHeard > HEARTBEAT.toNanos()) {
                // A connection whose peer vanished without a word stays silent: ask it.
                if (!connection.isValid(HEARTBEAT_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening connection does not answer");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    /** Listens on the channel of every topic subscribed to since the last look. */
    private void listenToNewTopics(Connection connection, Map<String, String> channels) throws SQLException {
        for (var topic : listeners.keySet()) {
            if (channels.containsValue(topic)) {
                continue;
            }
            var channel = channel(topic);
            try (var statement = connection.createStatement()) {
                statement.execute("listen " + ChannelNames.quoted(channel));
            }
            channels.put(channel, topic);
        }
    }

    private static void deliver(Listener listener, String message) {
        try {
            listener.received(message);
        } catch (RuntimeException e) {
            log.warn("A cluster broadcast listener failed on a message: {}", e.toString());
        }
    }

    private static void missed(Listener listener) {
        try {
            listener.missed();
        } catch (RuntimeException e) {
            log.warn("A cluster broadcast listener failed on missed messages: {}", e.toString());
        }
    }

    private void pause(long millis) {
        try {
            stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
