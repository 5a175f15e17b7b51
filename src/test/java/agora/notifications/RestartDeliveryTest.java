package agora.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;

import agora.AgoraApplication;
import agora.test.Api;

/**
 * The application stops between a request and the delivery of its email, and the email still arrives once it
 * is back: whether it stopped before the notifications listener ran (the event publication registry has the
 * event) or after (the outbox has the email).
 */
class RestartDeliveryTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    final HttpClient http = HttpClient.newHttpClient();
    ConfigurableApplicationContext running;

    /**
     * The application on a random port, mailing to {@link TestMailServer#PORT}, on the test run's database.
     * Only the node that comes back sweeps: the one that is about to stop plays a node that dies.
     */
    ConfigurableApplicationContext start(boolean sweep, Class<?>... extra) {
        var sources = new Class<?>[extra.length + 1];
        sources[0] = AgoraApplication.class;
        System.arraycopy(extra, 0, sources, 1, extra.length);
        running = new SpringApplicationBuilder(sources).profiles("test")
                .run("--server.port=0", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMailServer.PORT,
                        "--agora.notifications.delivery.sweep=" + sweep, "--agora.notifications.delivery.sweep-interval=200ms",
                        "--agora.notifications.delivery.first-retry=1s", "--agora.notifications.delivery.resubmit-after=1s",
                        // A stop can cut a delivery short after its claim: the email waits out the lease.
                        "--agora.notifications.delivery.lease=3s",
                        "--spring.mail.properties[mail.smtp.connectiontimeout]=2000",
                        "--spring.mail.properties[mail.smtp.timeout]=2000");
        return running;
    }

    void stop() {
        running.close();
        running = null;
    }

    @AfterEach
    void cleanUp() {
        if (running != null) {
            running.close();
        }
        TestMailServer.stop();
    }

    String signUp(ConfigurableApplicationContext app) throws Exception {
        var port = ((WebServerApplicationContext) app).getWebServer().getPort();
        var name = Api.uniqueName("restart");
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.userJson(name, name + "@example.com", Api.PASSWORD)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return name + "@example.com";
    }

    static long outboxRows(ConfigurableApplicationContext app, String to) {
        return app.getBean(JdbcClient.class).sql("select count(*) from email_outbox where recipient_key = ?")
                .param(to).query(Long.class).single();
    }

    static long pendingPublications(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class).sql("""
                select count(*) from event_publication
                where completion_date is null and listener_id like 'agora.notifications.%'
                  and event_type = 'agora.accounts.EmailVerificationRequested'""")
                .query(Long.class).single();
    }

    @Test
    void anEmailRecordedButNotSentBeforeTheStopIsSentAfterIt() throws Exception {
        var app = start(false);
        var email = signUp(app);
        Awaitility.await().atMost(PATIENCE).until(() -> outboxRows(app, email) == 1);
        stop();

        TestMailServer.start();
        start(true);
        Awaitility.await().atMost(PATIENCE).until(() -> TestMailServer.messagesTo(email).size() == 1);
        Thread.sleep(1000);
        assertThat(TestMailServer.messagesTo(email)).hasSize(1);
    }

    @Test
    void anEventWhoseListenerNeverRanBeforeTheStopIsHandledAfterIt() throws Exception {
        var app = start(false, ListenersNeverRun.class);
        var before = pendingPublications(app);
        var email = signUp(app);
        Thread.sleep(500);
        assertThat(outboxRows(app, email)).isZero();
        assertThat(pendingPublications(app)).isEqualTo(before + 1);
        stop();

        TestMailServer.start();
        var restarted = start(true);
        Awaitility.await().atMost(PATIENCE).until(() -> TestMailServer.messagesTo(email).size() == 1);
        Thread.sleep(1000);
        assertThat(TestMailServer.messagesTo(email)).hasSize(1);
        assertThat(pendingPublications(restarted)).isLessThanOrEqualTo(before);
    }

    /** Plays a crash right after the request's commit: asynchronous listeners never get to run. */
    static class ListenersNeverRun {

        @Bean(name = {"taskExecutor", "applicationTaskExecutor"})
        TaskExecutor taskExecutor() {
            return task -> {
            };
        }
    }
}
