package agora.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

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
import agora.test.MutableClock;

/** The daily digest: the right notifications, at most one email per user and day, through the outbox. */
@AgoraTest
class DailyDigestTest {

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

    NotificationRows rows;
    Letters letters;

    @BeforeEach
    void setUp() {
        rows = new NotificationRows(jdbc, transactions, publisher);
        letters = new Letters(mvc);
    }

    long digestsOf(Api.SignedUp user) {
        return jdbc.sql("select count(*) from notification_digests where user_id = ?")
                .param(Shop.userId(jdbc, user.username())).query(Long.class).single();
    }

    @Test
    void listsTheUnreadNotificationsOfTheDailyTypesNewestFirstOncePerDay() throws Exception {
        var user = Api.signUp(mvc, "digest");
        var id = Shop.userId(jdbc, user.username());
        mvc.perform(put("/api/user/notification-settings").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"settings":{"mention":{"email":"never"},"sale":{"email":"daily"}}}"""))
                .andExpect(status().isOk());
        var now = clock.instant();
        rows.create(id, NotificationType.COMMENT, "Old", now.minus(Duration.ofHours(30)));
        rows.create(id, NotificationType.COMMENT, "First", now.minus(Duration.ofHours(3)));
        rows.markRead(rows.create(id, NotificationType.COMMENT, "Read", now.minus(Duration.ofHours(2))));
        rows.create(id, NotificationType.LIKE, "Liked", now.minus(Duration.ofHours(2)));
        rows.create(id, NotificationType.MENTION, "Mentioned", now.minus(Duration.ofHours(2)));
        rows.create(id, NotificationType.REPLY, "Second <b>", now.minus(Duration.ofHours(1)));
        rows.create(id, NotificationType.SALE, "Lamp", now.minus(Duration.ofMinutes(5)));

        digest.run();
        digest.run();

        var email = letters.await(user.email(), DailyDigest.TEMPLATE, 1).getFirst();
        assertThat(email.subject()).isEqualTo("Your Agora digest: 3 unread notifications");
        var text = email.text();
        assertThat(text).startsWith("Hello " + user.username() + ",")
                .contains("- You sold Lamp (order order-", "- Someone commented on your post “First”",
                        "- Someone also commented on “Second <b>”", "http://localhost:8080/articles/post-",
                        "http://localhost:8080/orders/order-")
                .doesNotContain("“Old”", "“Read”", "“Liked”", "“Mentioned”", "more at");
        assertThat(text.indexOf("You sold")).isLessThan(text.indexOf("“Second")).as("newest first");
        assertThat(text.indexOf("“Second")).isLessThan(text.indexOf("“First”"));
        assertThat(email.html()).contains("“Second &lt;b&gt;”").doesNotContain("<b>");
        assertThat(email.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        assertThat(email.headers().get("List-Unsubscribe")).contains("token=" + id + ".digest.");
        assertThat(letters.to(user.email(), DailyDigest.TEMPLATE)).as("run twice the same day: one email").hasSize(1);
        assertThat(digestsOf(user)).isOne();

        // The next day: only what is new since the previous digest.
        clock.advance(Duration.ofDays(1));
        rows.create(id, NotificationType.COMMENT, "Third", clock.instant());
        digest.run();
        var next = letters.await(user.email(), DailyDigest.TEMPLATE, 2).getFirst();
        assertThat(next.subject()).isEqualTo("Your Agora digest: 1 unread notification");
        assertThat(next.text()).contains("“Third”").doesNotContain("“First”", "You sold");

        // The digest's own link turns every daily type off.
        mvc.perform(post("/api/notifications/unsubscribe").param("token", next.unsubscribeToken()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.types.length()").value(3));
        mvc.perform(get("/api/user/notification-settings").header("Authorization", user.authorization()))
                .andExpect(jsonPath("$.settings.comment.email").value("never"))
                .andExpect(jsonPath("$.settings.reply.email").value("never"))
                .andExpect(jsonPath("$.settings.sale.email").value("never"))
                .andExpect(jsonPath("$.settings.order_shipped.email").value("at_once"));
    }

    @Test
    void nothingUnreadSendsNothing() throws Exception {
        var user = Api.signUp(mvc, "digest");
        var id = Shop.userId(jdbc, user.username());
        rows.markRead(rows.create(id, NotificationType.COMMENT, "Read already", clock.instant()));
        rows.create(id, NotificationType.LIKE, "Never by email", clock.instant());

        digest.run();

        assertThat(digestsOf(user)).isZero();
        assertThat(letters.to(user.email(), DailyDigest.TEMPLATE)).isEmpty();
    }

    @Test
    void aLongDigestListsTheNewestAndCountsTheRest() throws Exception {
        var user = Api.signUp(mvc, "digest");
        var id = Shop.userId(jdbc, user.username());
        for (int i = 1; i <= 53; i++) {
            rows.create(id, NotificationType.MENTION, "number " + i, clock.instant().minusSeconds(60 - i));
        }

        digest.run();

        var email = letters.await(user.email(), DailyDigest.TEMPLATE, 1).getFirst();
        assertThat(email.subject()).isEqualTo("Your Agora digest: 53 unread notifications");
        assertThat(email.text()).contains("“number 53”", "“number 4”", "... and 3 more at")
                .doesNotContain("“number 3”", "“number 1”");
        assertThat(email.html()).contains("and <span>3</span> more");
    }

    @Test
    void twoNodesRunningTheJobAtOnceSendOneDigest() throws Exception {
        var user = Api.signUp(mvc, "digest");
        rows.create(Shop.userId(jdbc, user.username()), NotificationType.COMMENT, "One", clock.instant());

        try (var threads = Executors.newFixedThreadPool(4)) {
            var runs = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 4; i++) {
                runs.add(digest::run);
            }
            threads.invokeAll(runs);
        }

        assertThat(digestsOf(user)).isOne();
        letters.await(user.email(), DailyDigest.TEMPLATE, 1);
        assertThat(letters.to(user.email(), DailyDigest.TEMPLATE)).hasSize(1);
    }
}
