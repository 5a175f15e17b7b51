package agora.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import agora.notifications.SmtpTest;
import agora.platform.Sql;
import agora.notifications.TestMailServer;
import agora.test.Api;
import agora.test.MutableClock;

/** Several sweeps at once (as on several nodes) still send each email once: claims are exclusive. */
@SmtpTest
class ConcurrentDeliveryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Postman postman;

    @AfterEach
    void serverDown() {
        TestMailServer.stop();
    }

    @Test
    void concurrentSweepsSendEveryEmailExactlyOnce() throws Exception {
        TestMailServer.stop();
        var addresses = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            addresses.add(Api.signUp(mvc, "swarm").email());
        }
        // Every first attempt has failed (not merely been claimed): each retry is due 30 s from now.
        var retry = Sql.timestamp(clock.instant().plusSeconds(30));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from email_outbox where template = 'verify-email' and next_attempt_at = :retry
                and recipient_key in (:to)""").param("retry", retry).param("to", addresses).query(Long.class)
                .single() == addresses.size());

        TestMailServer.start();
        clock.advance(Duration.ofSeconds(31));
        var threads = 4;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var sweeps = new ArrayList<Future<Integer>>();
            for (int i = 0; i < threads; i++) {
                sweeps.add(pool.submit(() -> {
                    start.await();
                    return postman.sweep();
                }));
            }
            start.countDown();
            for (var sweep : sweeps) {
                sweep.get();
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> addresses.stream().allMatch(a -> !TestMailServer.messagesTo(a).isEmpty()));
        clock.advance(Duration.ofHours(1));
        Thread.sleep(500);
        for (var address : addresses) {
            assertThat(TestMailServer.messagesTo(address)).as(address).hasSize(1);
        }
    }
}
