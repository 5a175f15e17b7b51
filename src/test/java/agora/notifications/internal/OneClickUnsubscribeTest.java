package agora.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import agora.catalog.Shop;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/**
 * RFC 8058 one-click unsubscribe through the link in an email's List-Unsubscribe header: a POST without sign-in turns
 * that email off; a GET only asks; forged links are refused and replayed ones change nothing.
 */
@AgoraTest
class OneClickUnsubscribeTest {

    static final String PATH = "/api/notifications/unsubscribe";

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

    String setting(Api.SignedUp user, String type) throws Exception {
        var body = mvc.perform(get("/api/user/notification-settings").header("Authorization", user.authorization()))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.settings." + type + ".email");
    }

    void choose(Api.SignedUp user, String type, String email) throws Exception {
        mvc.perform(put("/api/user/notification-settings").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"settings":{"%s":{"email":"%s"}}}""".formatted(type, email))).andExpect(status().isOk());
    }

    ResultActions oneClick(String token) throws Exception {
        return mvc.perform(post(PATH).param("token", token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click"));
    }

    /** A user who chose comments at once, and the token of the link in the email about one. */
    String commentEmailToken(Api.SignedUp user) throws Exception {
        choose(user, "comment", "at_once");
        rows.create(Shop.userId(jdbc, user.username()), NotificationType.COMMENT, "Hello",
                clock.instant());
        return letters.await(user.email(), NotificationEmails.TEMPLATE, 1).getFirst().unsubscribeToken();
    }

    @Test
    void aPostWithTheLinkTurnsThatTypeOffWithoutSignInAndAReplayChangesNothing() throws Exception {
        var user = Api.signUp(mvc, "unsub");
        var token = commentEmailToken(user);

        oneClick(token).andExpect(status().isOk())
                .andExpect(jsonPath("$.unsubscribed").value(true))
                .andExpect(jsonPath("$.types[0]").value("comment"));
        assertThat(setting(user, "comment")).isEqualTo("never");
        assertThat(setting(user, "sale")).as("other types untouched").isEqualTo("at_once");

        // The user turns it back on; the old link, used again (a retry, a forwarded email), changes nothing.
        choose(user, "comment", "at_once");
        oneClick(token).andExpect(status().isOk())
                .andExpect(jsonPath("$.unsubscribed").value(false))
                .andExpect(jsonPath("$.detail").value("this link was used before; your settings were not changed"));
        assertThat(setting(user, "comment")).isEqualTo("at_once");
    }

    @Test
    void aGetOnlyShowsAButtonThatPosts() throws Exception {
        var user = Api.signUp(mvc, "unsub");
        var token = commentEmailToken(user);

        var page = mvc.perform(get(PATH).param("token", token)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<form method=\"post\" action=\"" + PATH + "?token=" + token + "\">",
                "<button type=\"submit\">Unsubscribe</button>");
        assertThat(setting(user, "comment")).as("a mail scanner's GET changes nothing").isEqualTo("at_once");

        var done = mvc.perform(post(PATH).param("token", token).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        assertThat(done).contains("you will get no more of these emails");
        assertThat(setting(user, "comment")).isEqualTo("never");
    }

    @Test
    void forgedOrDamagedLinksAreRefusedAndChangeNothing() throws Exception {
        var user = Api.signUp(mvc, "unsub");
        var token = commentEmailToken(user);
        var parts = token.split("\\.");
        var otherUser = Shop.userId(jdbc, Api.signUp(mvc, "victim").username());

        var forged = new String[] {
            // another user, another type, another link id: the signature no longer matches
            otherUser + "." + parts[1] + "." + parts[2] + "." + parts[3],
            parts[0] + ".like." + parts[2] + "." + parts[3],
            parts[0] + "." + parts[1] + "." + "0".repeat(32) + "." + parts[3],
            // a signature changed in one character, cut short, missing; garbage
            token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"),
            token.substring(0, token.length() - 2),
            parts[0] + "." + parts[1] + "." + parts[2],
            "x".repeat(5000)};
        for (var bad : forged) {
            oneClick(bad).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.token[0]").value("is not a valid link"));
            mvc.perform(get(PATH).param("token", bad)).andExpect(status().isBadRequest());
        }
        mvc.perform(post(PATH)).andExpect(status().isUnprocessableContent());
        assertThat(setting(user, "comment")).isEqualTo("at_once");
        assertThat(jdbc.sql("select count(*) from notification_unsubscribes where user_id = ?").param(otherUser)
                .query(Long.class).single()).isZero();
    }
}
