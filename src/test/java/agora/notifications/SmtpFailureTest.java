package agora.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.Api;
import agora.test.MutableClock;

/**
 * What GreenMail cannot play: servers that refuse for good, refuse for now, or hang up after accepting. The
 * scripted server speaks SMTP over TCP like any other.
 */
@SmtpTest
class SmtpFailureTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Pattern MESSAGE_ID = Pattern.compile("(?m)^Message-ID: (.+)$");

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    Map<String, Object> outboxRow(String to) {
        return jdbc.sql("select * from email_outbox where recipient_key = ? and template = 'verify-email'")
                .param(to.toLowerCase()).query().singleRow();
    }

    void awaitStatus(String to, String status) {
        Awaitility.await().atMost(PATIENCE).ignoreExceptions().until(() -> outboxRow(to).get("status").equals(status));
    }

    @Test
    void aPermanentRejectionIsRecordedAndNotRetried() throws Exception {
        var script = new ScriptedSmtpServer.Script(n -> "550 5.1.1 no such mailbox", n -> "250 OK", false);
        try (var server = new ScriptedSmtpServer(script)) {
            var user = Api.signUp(mvc, "bounce");
            awaitStatus(user.email(), "FAILED");
            var row = outboxRow(user.email());
            assertThat((String) row.get("last_error")).startsWith("SMTP 550");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat(row.get("text_body")).isNull();

            clock.advance(Duration.ofDays(1));
            Thread.sleep(500);
            assertThat(server.recipients()).hasSize(1);
            assertThat(outboxRow(user.email()).get("attempts")).isEqualTo(1);
        }
    }

    @Test
    void aTemporaryRefusalIsRetriedWithTheSameMessageId() throws Exception {
        var script = new ScriptedSmtpServer.Script(n -> "250 OK",
                n -> n == 0 ? "451 4.3.0 try again later" : "250 OK queued", false);
        try (var server = new ScriptedSmtpServer(script)) {
            var user = Api.signUp(mvc, "greylisted");
            Awaitility.await().atMost(PATIENCE).until(() -> server.messages().size() == 1);
            Awaitility.await().atMost(PATIENCE).ignoreExceptions()
                    .until(() -> ((String) outboxRow(user.email()).get("last_error")).startsWith("SMTP 451"));
            assertThat(outboxRow(user.email()).get("status")).isEqualTo("PENDING");

            clock.advance(Duration.ofSeconds(31));
            awaitStatus(user.email(), "SENT");
            assertThat(server.messages()).hasSize(2);
            var first = MESSAGE_ID.matcher(server.messages().get(0)).results().findFirst().orElseThrow().group(1);
            var second = MESSAGE_ID.matcher(server.messages().get(1)).results().findFirst().orElseThrow().group(1);
            assertThat(first).isEqualTo(second).isEqualTo(outboxRow(user.email()).get("message_id"));
        }
    }

    @Test
    void anAcceptedEmailIsNeverSentAgainThoughTheConnectionThenBreaks() throws Exception {
        var script = new ScriptedSmtpServer.Script(n -> "250 OK", n -> "250 OK queued", true);
        try (var server = new ScriptedSmtpServer(script)) {
            var user = Api.signUp(mvc, "hangup");
            awaitStatus(user.email(), "SENT");
            clock.advance(Duration.ofHours(2));
            Thread.sleep(500);
            assertThat(server.messages()).hasSize(1);
            assertThat(outboxRow(user.email()).get("attempts")).isEqualTo(1);
        }
    }
}
