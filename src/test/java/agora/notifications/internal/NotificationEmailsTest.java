package agora.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import agora.catalog.Shop;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;
import agora.test.MutableClock;

/** The "at once" email of a new notification, only for the types the recipient wants that way. */
@AgoraTest
class NotificationEmailsTest {

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

    NotificationRows rows;
    Letters letters;

    @BeforeEach
    void setUp() {
        rows = new NotificationRows(jdbc, transactions, publisher);
        letters = new Letters(mvc);
    }

    void choose(Api.SignedUp user, String type, String email) throws Exception {
        mvc.perform(put("/api/user/notification-settings").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"settings":{"%s":{"email":"%s"}}}""".formatted(type, email))).andExpect(status().isOk());
    }

    @Test
    void anAtOnceTypeIsEmailedWithItsTextALinkAndOneClickUnsubscribeANeverTypeIsNot() throws Exception {
        var user = Api.signUp(mvc, "atonce");
        var id = Shop.userId(jdbc, user.username());
        choose(user, "comment", "at_once");
        rows.create(id, NotificationType.LIKE, "Never by email", clock.instant());
        var comment = rows.create(id, NotificationType.COMMENT, "Hello <b>", clock.instant());

        var email = letters.await(user.email(), NotificationEmails.TEMPLATE, 1).getFirst();
        assertThat(email.subject()).isEqualTo("Someone commented on your post “Hello <b>”");
        assertThat(email.text()).startsWith("Hello " + user.username() + ",")
                .contains("Someone commented on your post “Hello <b>”", "http://localhost:8080/articles/post-");
        assertThat(email.html()).contains("Hello &lt;b&gt;").doesNotContain("Hello <b>");
        assertThat(email.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        assertThat(email.headers().get("List-Unsubscribe")).matches("<http://localhost:8080/api/notifications/"
                + "unsubscribe\\?token=" + id + "\\.comment\\.[0-9a-f]{32}\\.[A-Za-z0-9_-]{43}>");
        assertThat(email.text()).contains(email.headers().get("List-Unsubscribe").replaceAll("[<>]", ""));
        assertThat(letters.to(user.email(), NotificationEmails.TEMPLATE)).as("the like: never by email").hasSize(1);

        // The same event again (a redelivery): still one email.
        transactions.executeWithoutResult(tx -> publisher.publishEvent(
                new NotificationChanged(id, comment, 0, NotificationType.COMMENT, true)));
        // An aggregated update is no new email either.
        transactions.executeWithoutResult(tx -> publisher.publishEvent(
                new NotificationChanged(id, comment, 0, NotificationType.COMMENT, false)));
        rows.create(id, NotificationType.SALE, "Lamp", clock.instant());
        letters.await(user.email(), NotificationEmails.TEMPLATE, 2);
        assertThat(letters.to(user.email(), NotificationEmails.TEMPLATE)).extracting(Letters.Letter::subject)
                .satisfiesExactly(sale -> assertThat(sale).startsWith("You sold Lamp (order order-"),
                        first -> assertThat(first).isEqualTo("Someone commented on your post “Hello <b>”"));
    }

    @Test
    void essentialEmailsCarryNoUnsubscribeHeaderAndOrderPaidIsLeftToTheOrderConfirmation() throws Exception {
        var user = Api.signUp(mvc, "essential");
        var id = Shop.userId(jdbc, user.username());
        var verification = letters.await(user.email(), "verify-email", 1).getFirst();
        assertThat(verification.headers()).doesNotContainKeys("List-Unsubscribe", "List-Unsubscribe-Post");

        rows.create(id, NotificationType.ORDER_PAID, "Lamp", clock.instant());
        rows.create(id, NotificationType.ORDER_SHIPPED, "Lamp", clock.instant());
        var shipped = letters.await(user.email(), NotificationEmails.TEMPLATE, 1);
        assertThat(shipped).extracting(Letters.Letter::subject).singleElement().asString()
                .matches("Your order order-\\d+ was shipped");
        assertThat(Mailbox.messagesTo(mvc, user.email())).extracting(Mailbox.Message::subject)
                .noneMatch(subject -> subject.endsWith("was paid"));
    }

    @Test
    void theEmailIsRecordedByTheNotificationsOwnTransactionAndOnlyForAChangeThatMayBeEmailed() throws Exception {
        var user = Api.signUp(mvc, "intransaction");
        var id = Shop.userId(jdbc, user.username());
        choose(user, "like", "at_once");
        var notification = rows.create(id, NotificationType.LIKE, "Counted", clock.instant());
        letters.await(user.email(), NotificationEmails.TEMPLATE, 1);
        Supplier<Long> emails = () -> jdbc.sql("select count(*) from email_outbox where user_id = ? and template = ?")
                .params(id, NotificationEmails.TEMPLATE).query(Long.class).single();
        // Notification emails recorded inside one publishing transaction, which is rolled back after.
        Function<NotificationChanged, Long> recorded = event -> transactions.execute(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("delete from email_outbox where user_id = ?").param(id).update();
            publisher.publishEvent(event);
            return emails.get();
        });

        assertThat(recorded.apply(new NotificationChanged(id, notification, 1, NotificationType.LIKE, true))).isOne();
        assertThat(recorded.apply(new NotificationChanged(id, notification, 1, NotificationType.LIKE, false)))
                .as("an aggregated update").isZero();
        assertThat(recorded.apply(new NotificationChanged(id, notification, 1, NotificationType.ORDER_PAID, true)))
                .as("a paid order: its confirmation is the email").isZero();
        assertThat(emails.get()).as("rolled back with the transaction: the first email only").isOne();
        assertThat(jdbc.sql("select count(*) from event_publication where listener_id like '%NotificationEmails%'")
                .query(Long.class).single()).as("no publication to complete").isZero();
    }
}
