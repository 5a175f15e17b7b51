package agora.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.event.ApplicationPreparedEvent;

import agora.test.Node;

/**
 * Three nodes starting at once on one empty PostgreSQL database with demo data on: all of them start, and the demo
 * world is seeded exactly once.
 */
class ConcurrentStartTest {

    static final String POSTGRES = System.getenv("AGORA_TEST_POSTGRES_URL");
    static final int NODES = 3;

    @Test
    void nodesStartingTogetherSeedTheDemoWorldOnce() throws Exception {
        assumeTrue(POSTGRES != null && !POSTGRES.isBlank(), "needs AGORA_TEST_POSTGRES_URL");
        var schema = "agora_start_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var url = POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        execute("create schema " + schema);
        var nodes = new ArrayList<Future<Node>>();
        try (var threads = Executors.newFixedThreadPool(NODES)) {
            // Spring Boot sets up the JVM's one logging system as each application starts: a node begins once the
            // one before it is past that, and well before any of them seeds.
            var loggingDone = new CountDownLatch(0);
            for (int i = 0; i < NODES; i++) {
                var previous = loggingDone;
                var mine = new CountDownLatch(1);
                loggingDone = mine;
                nodes.add(threads.submit(() -> {
                    previous.await();
                    return Node.start(event -> {
                        if (event instanceof ApplicationPreparedEvent) {
                            mine.countDown();
                        }
                    }, "--spring.datasource.url=" + url, "--spring.flyway.default-schema=" + schema,
                            "--agora.demo-data.enabled=true");
                }));
            }
            for (var node : nodes) {
                assertThat(node.get(3, TimeUnit.MINUTES).context().isActive()).isTrue();
            }

            // What one node seeds: DemoAccounts, DemoSocial, DemoCatalog and DemoOrders.
            assertThat(count(url, "select count(*) from users")).as("users").isEqualTo(5);
            assertThat(count(url, "select count(*) from follows")).as("follows").isEqualTo(8);
            assertThat(count(url, "select count(*) from posts")).as("posts").isEqualTo(10);
            assertThat(count(url, "select count(*) from comments")).as("comments").isEqualTo(5);
            assertThat(count(url, "select count(*) from products")).as("products").isEqualTo(6);
            assertThat(count(url, "select count(*) from orders where status = 'PAID'")).as("paid orders").isEqualTo(1);
            assertThat(count(url, "select count(*) from orders")).as("orders").isEqualTo(1);
        } finally {
            for (var node : nodes) {
                if (node.state() == Future.State.SUCCESS) {
                    node.resultNow().close();
                }
            }
            execute("drop schema " + schema + " cascade");
        }
    }

    static long count(String url, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static void execute(String sql) throws Exception {
        try (var connection = DriverManager.getConnection(POSTGRES); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
