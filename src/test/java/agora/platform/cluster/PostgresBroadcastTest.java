package agora.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import agora.platform.Broadcast;

/** The PostgreSQL broadcast on the test schema: transactional sending, and a listener that outlives its connection. */
class PostgresBroadcastTest {

    HikariDataSource pool;
    JdbcClient jdbc;
    String applicationName;
    PostgresBroadcast broadcast;
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger missed = new AtomicInteger();
    final AtomicBoolean ready = new AtomicBoolean();

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(System.getenv("AGORA_TEST_POSTGRES_URL") != null, "needs PostgreSQL");
        pool = new HikariDataSource();
        pool.setJdbcUrl(System.getProperty("spring.datasource.url"));
        pool.setMaximumPoolSize(2);
        jdbc = JdbcClient.create(pool);
        applicationName = "broadcast-test-" + UUID.randomUUID().toString().substring(0, 8);
        broadcast = PostgresBroadcast.over(pool, jdbc, applicationName);
        broadcast.subscribe("test", new Broadcast.Listener() {
            @Override
            public void received(String message) {
                // The set-up may send "ready" more than once before one arrives: the late ones are no test's.
                if (message.equals("ready")) {
                    ready.set(true);
                } else {
                    received.add(message);
                }
            }

            @Override
            public void missed() {
                missed.incrementAndGet();
            }
        });
        broadcast.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> listenerPids().size() == 1);
        // LISTEN is the first statement on the new connection: sent messages are heard from here on.
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            broadcast.send("test", "ready");
            return ready.get();
        });
    }

    @AfterEach
    void stop() {
        if (broadcast != null) {
            broadcast.stop();
            pool.close();
        }
    }

    List<Integer> listenerPids() {
        return jdbc.sql("select pid from pg_stat_activity where application_name = ?").param(applicationName)
                .query(Integer.class).list();
    }

    @Test
    void aMessageSentInATransactionGoesOutWhenItCommitsAndNeverIfItRollsBack() throws Exception {
        var transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
        transaction.executeWithoutResult(tx -> {
            broadcast.send("test", "committed");
            sleep(Duration.ofMillis(300));
            assertThat(received).isEmpty();
        });
        await().atMost(Duration.ofSeconds(2)).until(() -> received.contains("committed"));

        transaction.executeWithoutResult(tx -> {
            broadcast.send("test", "rolled back");
            tx.setRollbackOnly();
        });
        broadcast.send("test", "at once");
        // Notifications arrive in commit order: the rolled-back one would have come first.
        await().atMost(Duration.ofSeconds(2)).until(() -> received.contains("at once"));
        assertThat(received).containsExactly("committed", "at once");
        assertThat(missed).hasValue(0);
    }

    @Test
    void theListenerReconnectsWhenItsConnectionIsKilledAndReportsTheGap() {
        var killed = listenerPids().getFirst();
        assertThat(jdbc.sql("select pg_terminate_backend(?)").param(killed).query(Boolean.class).single()).isTrue();

        await().atMost(Duration.ofSeconds(5)).untilAtomic(missed, org.hamcrest.Matchers.equalTo(1));
        assertThat(listenerPids()).hasSize(1).doesNotContain(killed);
        broadcast.send("test", "after the gap");
        await().atMost(Duration.ofSeconds(2)).until(() -> received.contains("after the gap"));
    }

    @Test
    void stoppingClosesTheConnectionPromptly() {
        var started = System.nanoTime();
        broadcast.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(2)).until(() -> listenerPids().isEmpty());
        assertThat(broadcast.isRunning()).isFalse();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
