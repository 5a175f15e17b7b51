package agora.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import agora.platform.Sql;
import agora.test.Api;
import agora.test.MutableClock;

/** Delivery over real SMTP (GreenMail), including an outage during the request. */
@SmtpTest
class SmtpDeliveryTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void serverDown() {
        TestMailServer.stop();
    }

    Map<String, Object> outboxRow(String to, String template) {
        return jdbc.sql("select * from email_outbox where recipient_key = ? and template = ?")
                .params(to.toLowerCase(), template).query().singleRow();
    }

    /**
     * Waits until a failed attempt is recorded: its retry is then due {@code delay} from now (the test's clock
     * stands still meanwhile). A claim alone (attempt counted, sending still under way) does not count.
     */
    void awaitRetryIn(String to, Duration delay) {
        var due = clock.instant().plus(delay);
        Awaitility.await().atMost(PATIENCE).ignoreExceptions().until(() -> jdbc
                .sql("select next_attempt_at from email_outbox where recipient_key = ? and template = 'verify-email'")
                .param(to.toLowerCase()).query((rs, row) -> Sql.instant(rs, "next_attempt_at")).single().equals(due));
    }

    List<MimeMessage> awaitMessages(String to, int count) {
        return Awaitility.await().atMost(PATIENCE).until(() -> TestMailServer.messagesTo(to), m -> m.size() >= count);
    }

    @Test
    void sendsTextAndHtmlWithTheOutboxMessageIdAndTheLinkWorks() throws Exception {
        TestMailServer.start();
        var user = Api.signUp(mvc, "smtp");
        var message = awaitMessages(user.email(), 1).getFirst();

        assertThat(message.getSubject()).isEqualTo("Confirm your email address for Agora");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Agora <no-reply@agora.localhost>");
        assertThat(message.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        var parts = (MimeMultipart) message.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        var text = (String) parts.getBodyPart(0).getContent();

        // The server has it; recording that follows a moment later.
        Awaitility.await().atMost(PATIENCE).until(() -> outboxRow(user.email(), "verify-email").get("status").equals("SENT"));
        var row = outboxRow(user.email(), "verify-email");
        assertThat(message.getMessageID()).isEqualTo(row.get("message_id")).endsWith("@agora.localhost>");
        assertThat(row.get("delivered_via")).isEqualTo("smtp");
        // Once the server has it, the token's only copy on our side is gone.
        assertThat(row.get("text_body")).isNull();
        assertThat(row.get("html_body")).isNull();

        var token = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(text).results().findFirst().orElseThrow().group(1);
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + token + "%").query(Long.class).single()).isZero();
        mvc.perform(post("/api/users/verification").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\"}")).andExpect(status().isNoContent());
    }

    @Test
    void aServerDownDuringTheRequestGetsTheEmailExactlyOnceWhenItIsBack() throws Exception {
        var user = Api.signUp(mvc, "outage");

        awaitRetryIn(user.email(), Duration.ofSeconds(30));
        var failed = outboxRow(user.email(), "verify-email");
        assertThat(failed.get("status")).isEqualTo("PENDING");
        assertThat((String) failed.get("last_error")).isNotBlank();

        TestMailServer.start();
        Thread.sleep(500);
        assertThat(TestMailServer.messagesTo(user.email())).as("no retry before the back-off").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        var received = awaitMessages(user.email(), 1);
        clock.advance(Duration.ofHours(2));
        Thread.sleep(1000);
        assertThat(TestMailServer.messagesTo(user.email())).hasSize(1);
        var row = outboxRow(user.email(), "verify-email");
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("attempts")).isEqualTo(2);
        assertThat(received.getFirst().getMessageID()).isEqualTo(row.get("message_id"));
    }

    @Test
    void retriesBackOffWhileTheServerStaysDown() throws Exception {
        var user = Api.signUp(mvc, "backoff");
        awaitRetryIn(user.email(), Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(31));
        awaitRetryIn(user.email(), Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(31));
        Thread.sleep(500);
        assertThat(outboxRow(user.email(), "verify-email").get("attempts")).as("second wait is 60 s").isEqualTo(2);
        clock.advance(Duration.ofSeconds(30));
        awaitRetryIn(user.email(), Duration.ofSeconds(120));
        assertThat(outboxRow(user.email(), "verify-email").get("attempts")).isEqualTo(3);
    }

    @Test
    void anEmailWhoseLinkExpiredBeforeDeliveryIsNeverSent() throws Exception {
        var user = Api.signUp(mvc, "obsolete");
        awaitRetryIn(user.email(), Duration.ofSeconds(30));
        clock.advance(Duration.ofHours(25));
        TestMailServer.start();
        Awaitility.await().atMost(PATIENCE).ignoreExceptions().until(() -> outboxRow(user.email(), "verify-email").get("status").equals("EXPIRED"));
        var row = outboxRow(user.email(), "verify-email");
        assertThat(row.get("text_body")).isNull();
        assertThat(row.get("html_body")).isNull();
        Thread.sleep(500);
        assertThat(TestMailServer.messagesTo(user.email())).isEmpty();
    }

    @Test
    void theDevMailboxIsOffWhenSmtpIsConfigured() throws Exception {
        mvc.perform(get("/api/dev/mailbox")).andExpect(status().isNotFound());
    }
}
