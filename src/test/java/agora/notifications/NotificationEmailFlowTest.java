package agora.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.catalog.Shop;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;

/**
 * Notification emails end to end through the API: a comment on your post and a like, emailed at once when chosen so;
 * an aggregated like is no second email; the email's one-click link stops the next comment emails, not the others.
 */
@AgoraTest
class NotificationEmailFlowTest {

    static final String TEMPLATE = "notification";

    @Autowired
    MockMvc mvc;

    void choose(Api.SignedUp user, String json) throws Exception {
        mvc.perform(put("/api/user/notification-settings").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk());
    }

    List<Mailbox.Message> notificationEmails(Api.SignedUp user) throws Exception {
        return Mailbox.messagesTo(mvc, user.email()).stream().filter(m -> m.template().equals(TEMPLATE)).toList();
    }

    /** The List-Unsubscribe header of the newest email with this subject, from the development mailbox. */
    String unsubscribeLink(Api.SignedUp user, String subject) throws Exception {
        var body = mvc.perform(get("/api/dev/mailbox").param("to", user.email())).andReturn().getResponse()
                .getContentAsString();
        List<Map<String, String>> headers = JsonPath.read(body,
                "$.messages[?(@.subject == '" + subject + "')].headers");
        var field = headers.getFirst().get("List-Unsubscribe");
        return field.substring(1, field.length() - 1);
    }

    @Test
    void aCommentAndALikeAreEmailedAtOnceWhenChosenAndTheLinkInTheEmailStopsThem() throws Exception {
        var alice = Api.signUp(mvc, "alice");
        var bob = Api.signUp(mvc, "bob");
        var carol = Api.signUp(mvc, "carol");
        var slug = Inboxes.publish(mvc, alice, "Hello world", "first post");
        choose(alice, """
                {"settings":{"comment":{"email":"at_once"},"like":{"email":"at_once"},
                "follow":{"email":"at_once"}}}""");

        Inboxes.like(mvc, bob, slug);
        var liked = Mailbox.await(mvc, alice.email(), TEMPLATE);
        assertThat(liked.subject()).isEqualTo(bob.username() + " liked your post “Hello world”");
        Inboxes.like(mvc, carol, slug);
        Inboxes.await(mvc, alice, list -> Inboxes.texts(list).contains(
                carol.username() + " and " + bob.username() + " liked your post “Hello world”"));

        Inboxes.comment(mvc, bob, slug, "Nice one");
        var commented = Mailbox.awaitCount(mvc, alice.email(), TEMPLATE, 2).getFirst();
        assertThat(commented.subject()).isEqualTo(bob.username() + " commented on your post “Hello world”");
        assertThat(commented.text()).contains("http://localhost:8080/articles/" + slug);
        assertThat(notificationEmails(alice)).as("carol's like joined bob's: no second like email").hasSize(2);
        assertThat(notificationEmails(bob)).as("no email for one's own comment").isEmpty();

        // One click (RFC 8058: a POST to the header's link, without sign-in) turns comment emails off.
        var link = unsubscribeLink(alice, commented.subject());
        assertThat(link).startsWith("http://localhost:8080/api/notifications/unsubscribe?token=");
        mvc.perform(post(link.substring("http://localhost:8080".length()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.types[0]").value("comment"));

        Inboxes.comment(mvc, carol, slug, "Me too");
        Inboxes.await(mvc, alice, list -> Inboxes.texts(list).stream().anyMatch(t -> t.startsWith(carol.username()
                + " commented")));
        Inboxes.follow(mvc, Api.signUp(mvc, "dave"), alice);
        var followed = Mailbox.awaitCount(mvc, alice.email(), TEMPLATE, 3).getFirst();
        assertThat(followed.subject()).endsWith(" followed you");
        assertThat(notificationEmails(alice)).as("no email about carol's comment")
                .extracting(Mailbox.Message::subject).filteredOn(s -> s.contains("commented"))
                .containsExactly(commented.subject());
    }

    @Test
    void aPaidOrderIsConfirmedOnceToTheBuyerAndTheSaleEmailedToTheSeller() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        Shop.addToCart(mvc, buyer, Shop.product(mvc, seller, "Brass lamp", 4200, "EUR", 10), 1);
        Shop.checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isCreated());

        var sale = Mailbox.await(mvc, seller.email(), TEMPLATE);
        assertThat(sale.subject()).startsWith("You sold ").contains("Brass lamp (order ord_");
        Mailbox.await(mvc, buyer.email(), "order-confirmation");
        Inboxes.awaitCount(mvc, buyer, 1);
        assertThat(notificationEmails(buyer)).as("order_paid: the confirmation is the email").isEmpty();
    }
}
