package agora.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import agora.catalog.Shop;
import agora.notifications.SmtpTest;
import agora.notifications.TestMailServer;
import agora.test.Api;
import agora.test.MutableClock;

/** Over real SMTP: List-Unsubscribe on the emails a user may turn off, none on the essential ones. */
@SmtpTest
class UnsubscribeHeadersSmtpTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    MutableClock clock;

    @Autowired
    DailyDigest digest;

    @AfterEach
    void serverDown() {
        TestMailServer.stop();
    }

    MimeMessage awaitSubject(String to, String subjectStart) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestMailServer.messagesTo(to).stream()
                .filter(m -> subject(m).startsWith(subjectStart)).findFirst(), java.util.Optional::isPresent).get();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void notificationEmailsAndTheDigestCarryOneClickUnsubscribeAndTheVerificationEmailDoesNot() throws Exception {
        TestMailServer.start();
        var user = Api.signUp(mvc, "headers");
        var id = Shop.userId(jdbc, user.username());
        var rows = new NotificationRows(jdbc, transactions, publisher);
        rows.create(id, NotificationType.SALE, "Lamp", clock.instant());
        rows.create(id, NotificationType.COMMENT, "Hello", clock.instant());

        var verification = awaitSubject(user.email(), "Confirm your email address");
        assertThat(verification.getHeader("List-Unsubscribe")).isNull();
        assertThat(verification.getHeader("List-Unsubscribe-Post")).isNull();

        var sale = awaitSubject(user.email(), "You sold Lamp");
        assertThat(sale.getHeader("List-Unsubscribe")).singleElement().asString()
                .startsWith("<http://localhost:8080/api/notifications/unsubscribe?token=" + id + ".sale.");
        assertThat(sale.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        digest.run();
        var daily = awaitSubject(user.email(), "Your Agora digest");
        assertThat(daily.getHeader("List-Unsubscribe")).singleElement().asString()
                .startsWith("<http://localhost:8080/api/notifications/unsubscribe?token=" + id + ".digest.");
        assertThat(daily.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }
}
