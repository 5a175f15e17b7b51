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
import org.springframework.context.annotation.Import;
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
@Import(StubInbox.class)
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
                        {"settings":{"mention":{"email":"never"},"sale":{"email":"daily"}}}""")).andExpect(status().isOk());
        var now = clock.instant();
        rows.create(id, NotificationType.COMMENT, "old: a comment of yesterday's yesterday", now.minus(Duration.ofHours(30)));
        rows.create(id, NotificationType.COMMENT, "ann commented on your post “First”", now.minus(Duration.ofHours(3)));
        var read = rows.create(id, NotificationType.COMMENT, "read: seen in the app", now.minus(Duration.ofHours(2)));
        rows.markRead(read);
        rows.create(id, NotificationType.LIKE, "never: a like", now.minus(Duration.ofHours(2)));
        rows.create(id, NotificationType.MENTION, "never: a mention", now.minus(Duration.ofHours(2)));
        rows.create(id, NotificationType.REPLY, "bob replied in “Second” <b>", now.minus(Duration.ofHours(1)));
        rows.create(id, NotificationType.SALE, "You sold “Lamp”", now.minus(Duration.ofMinutes(5)));

        digest.run();
        digest.run();

        var email = letters.await(user.email(), DailyDigest.TEMPLATE, 1).getFirst();
        assertThat(email.subject()).isEqualTo("Your Agora digest: 3 unread notifications");
        assertThat(email.text()).startsWith("Hello " + user.username() + ",")
                .contains("- You sold “Lamp”", "http://localhost:8080/articles/post-")
                .doesNotContain("old:", "read:", "never:", "more at");
        assertThat(email.text().indexOf("You sold")).isLessThan(email.text().indexOf("bob replied"));
        assertThat(email.text().indexOf("bob replied")).isLessThan(email.text().indexOf("ann commented"));
        assertThat(email.html()).contains("bob replied in “Second” &lt;b&gt;");
        assertThat(email.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        assertThat(email.headers().get("List-Unsubscribe")).contains("token=" + id + ".digest.");
        assertThat(letters.to(user.email(), DailyDigest.TEMPLATE)).as("run twice the same day: one email").hasSize(1);
        assertThat(digestsOf(user)).isOne();

        // The next day: only what is new since the previous digest.
        clock.advance(Duration.ofDays(1));
        rows.create(id, NotificationType.COMMENT, "cid commented on your post “Third”", clock.instant());
        digest.run();
        var next = letters.await(user.email(), DailyDigest.TEMPLATE, 2).getFirst();
        assertThat(next.subject()).isEqualTo("Your Agora digest: 1 unread notification");
        assertThat(next.text()).contains("cid commented").doesNotContain("ann commented", "You sold");

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
        rows.markRead(rows.create(id, NotificationType.COMMENT, "read already", clock.instant()));
        rows.create(id, NotificationType.LIKE, "never by email", clock.instant());

        digest.run();

        assertThat(digestsOf(user)).isZero();
        assertThat(letters.to(user.email(), DailyDigest.TEMPLATE)).isEmpty();
    }

    @Test
    void aLongDigestListsTheNewestAndCountsTheRest() throws Exception {
        var user = Api.signUp(mvc, "digest");
        var id = Shop.userId(jdbc, user.username());
        for (int i = 1; i <= 53; i++) {
            rows.create(id, NotificationType.MENTION, "mention number " + i + ".", clock.instant().minusSeconds(60 - i));
        }

        digest.run();

        var email = letters.await(user.email(), DailyDigest.TEMPLATE, 1).getFirst();
        assertThat(email.subject()).isEqualTo("Your Agora digest: 53 unread notifications");
        assertThat(email.text()).contains("mention number 53.", "mention number 4.", "... and 3 more at")
                .doesNotContain("mention number 3.", "mention number 1.");
        assertThat(email.html()).contains("and <span>3</span> more");
    }

    @Test
    void twoNodesRunningTheJobAtOnceSendOneDigest() throws Exception {
        var user = Api.signUp(mvc, "digest");
        rows.create(Shop.userId(jdbc, user.username()), NotificationType.COMMENT, "one at a time", clock.instant());

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
