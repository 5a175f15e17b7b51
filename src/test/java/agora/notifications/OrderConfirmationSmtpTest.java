package agora.notifications;

import static agora.catalog.Shop.addToCart;
import static agora.catalog.Shop.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.catalog.Shop;
import agora.test.Api;

/** The order confirmation over real SMTP (GreenMail), from sign-up to the buyer's inbox. */
@SmtpTest
class OrderConfirmationSmtpTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void serverUp() {
        TestMailServer.start();
    }

    @AfterEach
    void serverDown() {
        TestMailServer.stop();
    }

    List<MimeMessage> awaitMessages(String to, String subject) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> TestMailServer.messagesTo(to).stream().filter(m -> subjectOf(m).startsWith(subject)).toList(),
                        messages -> !messages.isEmpty());
    }

    static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A seller verified through the verification email that GreenMail received. */
    Api.SignedUp seller() throws Exception {
        var seller = Api.signUp(mvc, "smtp-seller");
        var email = awaitMessages(seller.email(), "Confirm your email address").getFirst();
        var text = (String) ((MimeMultipart) email.getContent()).getBodyPart(0).getContent();
        var token = TOKEN.matcher(text).results().findFirst().orElseThrow().group(1);
        mvc.perform(post("/api/users/verification").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\"}")).andExpect(status().isNoContent());
        return seller;
    }

    @Test
    void theBuyerReceivesOneConfirmationWithTextAndHtmlParts() throws Exception {
        var seller = seller();
        var buyer = Api.signUp(mvc, "smtp-buyer");
        var lamp = Shop.product(mvc, seller, "Desk lamp <b>bright</b>", 4999, "USD", 3);
        addToCart(mvc, buyer, lamp, 2);
        var body = checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String orderId = JsonPath.read(body, "$.order.id");

        var message = awaitMessages(buyer.email(), "Your Agora order").getFirst();
        assertThat(message.getSubject()).isEqualTo("Your Agora order " + orderId + " is confirmed");
        var parts = (MimeMultipart) message.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        // SMTP ends lines with CRLF.
        var text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        var html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("- Desk lamp <b>bright</b>\n  2 x 49.99 USD = 99.98 USD", "Total: 99.98 USD",
                "/orders/" + orderId);
        assertThat(html).contains(">Desk lamp &lt;b&gt;bright&lt;/b&gt;</td>", ">99.98 USD</th>")
                .doesNotContain("<b>bright");

        Awaitility.await().atMost(PATIENCE).until(() -> jdbc.sql("""
                select status from email_outbox where dedupe_key = ?""").param("order-confirmation:" + orderId)
                .query(String.class).single().equals("SENT"));
        assertThat(message.getMessageID()).isEqualTo(jdbc.sql("select message_id from email_outbox where dedupe_key = ?")
                .param("order-confirmation:" + orderId).query(String.class).single());
        assertThat(TestMailServer.messagesTo(buyer.email())).filteredOn(m -> subjectOf(m).startsWith("Your Agora order"))
                .hasSize(1);
        assertThat(TestMailServer.messagesTo(seller.email())).filteredOn(m -> subjectOf(m).startsWith("Your Agora order"))
                .isEmpty();
    }
}
