package agora.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import agora.test.AgoraTest;

/** The outbox's bookkeeping rules, on the real database. */
@AgoraTest
class EmailOutboxTest {

    @Autowired
    EmailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    final Instant now = Instant.parse("2030-01-01T00:00:00Z");
    final RenderedEmail content = new RenderedEmail("Subject", "text with token", "<p>html with token</p>");

    long record(Instant discardAfter) {
        var email = new Email("test:" + UUID.randomUUID(), null, UUID.randomUUID() + "@example.com", "verify-email",
                Map.of(), discardAfter);
        return outbox.record(email, content, "<" + UUID.randomUUID() + "@test>", now, now).orElseThrow().id();
    }

    Map<String, Object> row(long id) {
        return jdbc.sql("select * from email_outbox where id = ?").param(id).query().singleRow();
    }

    @Test
    void recordingTheSameKeyTwiceKeepsOneEmail() {
        var email = new Email("test:" + UUID.randomUUID(), null, "once@example.com", "verify-email", Map.of(), null);
        assertThat(outbox.record(email, content, "<a@test>", now, now)).isPresent();
        assertThat(outbox.record(email, content, "<b@test>", now, now)).isEmpty();
    }

    @Test
    void aRecordedEmailIsClaimedByItsRecorderUntilTheLeaseRunsOut() {
        var email = new Email("test:" + UUID.randomUUID(), 7L, "reader@example.com", "verify-email", Map.of(), null);
        var leaseUntil = now.plus(Duration.ofMinutes(2));
        var recorded = outbox.record(email, content, "<c@test>", now, leaseUntil).orElseThrow();
        assertThat(outbox.findDue(now.plus(Duration.ofMinutes(1)), 1000)).doesNotContain(recorded.id());
        assertThat(outbox.claim(recorded.id(), now.plus(Duration.ofMinutes(1)), leaseUntil)).isEmpty();
        // The recorder sends its in-memory copy; after the lease a sweep sends what the claim reads: the same email.
        var claimed = outbox.claim(recorded.id(), leaseUntil, leaseUntil.plus(Duration.ofMinutes(2))).orElseThrow();
        assertThat(claimed).usingRecursiveComparison().ignoringFields("attempts").isEqualTo(recorded);
        assertThat(recorded.attempts()).isEqualTo(1);
        assertThat(claimed.attempts()).isEqualTo(2);
    }

    @Test
    void onlyOneClaimWinsAndTheLeaseHidesTheEmailUntilItRunsOut() {
        var id = record(null);
        assertThat(outbox.claim(id, now, now.plus(Duration.ofMinutes(2)))).isPresent();
        assertThat(outbox.claim(id, now, now.plus(Duration.ofMinutes(2)))).isEmpty();
        assertThat(outbox.findDue(now.plus(Duration.ofMinutes(1)), 1000)).doesNotContain(id);
        // The claimer died: after the lease the email is due again.
        assertThat(outbox.findDue(now.plus(Duration.ofMinutes(2)), 1000)).contains(id);
        // Recording counts as the first attempt.
        assertThat(outbox.claim(id, now.plus(Duration.ofMinutes(2)), now.plus(Duration.ofMinutes(4))).orElseThrow()
                .attempts()).isEqualTo(3);
    }

    @Test
    void sendingClearsTheBodiesUnlessTheyAreKeptForTheDevMailbox() {
        var smtp = record(null);
        outbox.markSent(smtp, SmtpRelay.VIA, false, now);
        assertThat(row(smtp)).containsEntry("status", "SENT").containsEntry("text_body", null)
                .containsEntry("html_body", null);
        var dev = record(null);
        outbox.markSent(dev, DevMailbox.VIA, true, now);
        assertThat(row(dev).get("text_body")).isEqualTo("text with token");
    }

    @Test
    void contentPastItsUsefulnessIsExpiredOrCleared() {
        var pending = record(now.plus(Duration.ofMinutes(30)));
        var kept = record(now.plus(Duration.ofMinutes(30)));
        outbox.markSent(kept, DevMailbox.VIA, true, now);
        assertThat(outbox.claim(pending, now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(1)))).isEmpty();

        outbox.discardObsolete(now.plus(Duration.ofMinutes(30)));
        assertThat(row(pending)).containsEntry("status", "EXPIRED").containsEntry("text_body", null);
        assertThat(row(kept)).containsEntry("status", "SENT").containsEntry("text_body", null)
                .containsEntry("html_body", null);
    }

    @Test
    void finishedEmailsAreForgottenAfterTheRetentionPendingOnesNever() {
        var sent = record(null);
        outbox.markSent(sent, SmtpRelay.VIA, false, now);
        var pending = record(null);
        outbox.deleteFinishedBefore(now.plusSeconds(1));
        assertThat(jdbc.sql("select count(*) from email_outbox where id = ?").param(sent).query(Long.class).single())
                .isZero();
        assertThat(row(pending)).containsEntry("status", "PENDING");
    }
}
