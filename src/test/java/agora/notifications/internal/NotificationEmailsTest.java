package agora.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.function.Function;

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
    void aChangeThatIsNeverEmailedLeavesNoPublicationForTheEmails() throws Exception {
        var user = Shop.userId(jdbc, Api.signUp(mvc, "unpublished").username());
        // Counted inside the publishing transaction, which the registry stores publications in; rolled back after.
        Function<NotificationChanged, Long> stored = event -> transactions.execute(tx -> {
            tx.setRollbackOnly();
            publisher.publishEvent(event);
            return jdbc.sql("""
                    select count(*) from event_publication
                    where listener_id like '%NotificationEmails%' and completion_date is null
                      and serialized_event like ?""").param("%\"recipientId\":" + user + ",%")
                    .query(Long.class).single();
        });

        assertThat(stored.apply(new NotificationChanged(user, 1, 1, NotificationType.SALE, true))).isOne();
        assertThat(stored.apply(new NotificationChanged(user, 2, 2, NotificationType.ORDER_PAID, true))).isZero();
        assertThat(stored.apply(new NotificationChanged(user, 3, 3, NotificationType.LIKE, false))).isZero();
    }
}
