package agora.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Demo seeding under the advisory lock, on the test schema. Another node is played by a connection of the test's
 * own that holds the lock: its closing is that node's death.
 */
class PostgresDemoSeedingTest {

    HikariDataSource pool;
    Connection otherNode;
    long key;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(System.getenv("AGORA_TEST_POSTGRES_URL") != null, "needs PostgreSQL");
        var url = System.getProperty("spring.datasource.url");
        pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setMaximumPoolSize(2);
        key = PostgresDemoSeeding.key(JdbcClient.create(pool).sql("select current_schema()").query(String.class)
                .single());
        otherNode = DriverManager.getConnection(url);
    }

    @AfterEach
    void stop() throws Exception {
        if (pool != null) {
            otherNode.close();
            pool.close();
        }
    }

    @Test
    void aNodeWaitsForAnotherNodesSeedingAndGoesOnWhenThatNodeDies() throws Exception {
        otherNodeStartsSeeding();
        var seeded = new AtomicBoolean();
        var seeding = CompletableFuture.runAsync(
                () -> new PostgresDemoSeeding(pool, Duration.ofMinutes(1)).seed("test", () -> seeded.set(true)));

        Thread.sleep(500);
        assertThat(seeded).as("seeded while another node seeds").isFalse();

        otherNode.close();
        seeding.get(10, TimeUnit.SECONDS);
        assertThat(seeded).isTrue();
    }

    @Test
    void aNodeGivesUpWaitingAfterTheWaitAndStartsWithoutSeeding() throws Exception {
        otherNodeStartsSeeding();
        var seeded = new AtomicBoolean();
        long start = System.nanoTime();

        new PostgresDemoSeeding(pool, Duration.ofMillis(300)).seed("test", () -> seeded.set(true));

        assertThat(seeded).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300),
                Duration.ofSeconds(10));
    }

    @Test
    void aFailedSeedingLetsTheNextOneRun() throws Exception {
        var seeding = new PostgresDemoSeeding(pool, Duration.ofMillis(300));
        assertThatThrownBy(() -> seeding.seed("test", () -> {
            throw new IllegalStateException("crashed");
        })).hasMessage("crashed");

        var seeded = new AtomicBoolean();
        seeding.seed("test", () -> seeded.set(true));
        assertThat(seeded).isTrue();
        assertThat(heldByAnyone()).as("the lock is held after seeding").isFalse();
    }

    void otherNodeStartsSeeding() throws Exception {
        try (var statement = otherNode.prepareStatement("select pg_advisory_lock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        }
    }

    boolean heldByAnyone() throws Exception {
        try (var statement = otherNode.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (var rows = statement.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return true;
                }
            }
        }
        try (var statement = otherNode.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        }
        return false;
    }
}
