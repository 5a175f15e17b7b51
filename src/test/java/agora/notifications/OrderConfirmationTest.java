package agora.notifications;

import static agora.catalog.Shop.addToCart;
import static agora.catalog.Shop.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import agora.catalog.Shop;
import agora.orders.OrderPaid;
import agora.orders.internal.Reconciliation;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;
import agora.test.MutableClock;

/** The buyer's confirmation email after a checkout, read from the development mailbox. */
@AgoraTest
@RecordApplicationEvents
class OrderConfirmationTest {

    static final String CONFIRMATION = "order-confirmation";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @Autowired
    Reconciliation reconciliation;

    static String key() {
        return UUID.randomUUID().toString();
    }

    String paidOrder(Api.SignedUp buyer) throws Exception {
        var body = checkout(mvc, buyer, key(), "pm_card_visa").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.order.id");
    }

    List<Mailbox.Message> confirmationsTo(Api.SignedUp buyer) throws Exception {
        return Mailbox.messagesTo(mvc, buyer.email()).stream().filter(m -> m.template().equals(CONFIRMATION)).toList();
    }

    @Test
    void aPaidCheckoutSendsTheBuyerOneConfirmationWithItsLinesAndTotal() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var board = Shop.product(mvc, seller, "Cherry board <script>alert(1)</script> & co", 1250, "EUR", 5);
        var spoon = Shop.product(mvc, seller, "Olive wood spoon", 300, "EUR", 5);
        addToCart(mvc, buyer, board, 2);
        addToCart(mvc, buyer, spoon, 1);

        var orderId = paidOrder(buyer);
        var email = Mailbox.await(mvc, buyer.email(), CONFIRMATION);

        assertThat(email.subject()).isEqualTo("Your Agora order " + orderId + " is confirmed");
        assertThat(email.text()).startsWith("Hello " + buyer.username() + ",").contains(
                "- Cherry board <script>alert(1)</script> & co\n  2 x 12.50 EUR = 25.00 EUR\n",
                "- Olive wood spoon\n  1 x 3.00 EUR = 3.00 EUR\n",
                "Total: 28.00 EUR",
                "http://localhost:8080/orders/" + orderId);
        // The title is the seller's text: escaped in the HTML part, never markup.
        assertThat(email.html())
                .contains(">Cherry board &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</td>")
                .doesNotContain("<script>")
                .contains(">Olive wood spoon</td>", ">12.50 EUR</td>", ">25.00 EUR</td>", ">3.00 EUR</td>",
                        ">28.00 EUR</th>", "href=\"http://localhost:8080/orders/" + orderId + "\"");
        assertThat(Mailbox.messagesTo(mvc, seller.email())).noneMatch(m -> m.template().equals(CONFIRMATION));

        // The event arriving again: still one email.
        var paid = events.stream(OrderPaid.class).filter(e -> e.orderId().equals(orderId)).findFirst().orElseThrow();
        transactions.executeWithoutResult(tx -> publisher.publishEvent(paid));
        assertThat(confirmationsTo(buyer)).singleElement().extracting(Mailbox.Message::messageId)
                .isEqualTo(email.messageId());
    }

    @Test
    void theConfirmationIsRecordedInTheTransactionThatPaysTheOrder() throws Exception {
        var buyer = Api.signUp(mvc, "buyer");
        var buyerId = Shop.userId(jdbc, buyer.username());
        var orderId = "ord_intx" + UUID.randomUUID().toString().substring(0, 8);
        var event = new OrderPaid(orderId, buyerId, List.of(new OrderPaid.Line("prd_x", "Lamp", 1, 500, 500)), 500,
                "EUR", clock.instant());

        transactions.executeWithoutResult(tx -> {
            publisher.publishEvent(event);
            assertThat(outboxRows(orderId)).as("visible before the commit, in the same transaction").isOne();
            tx.setRollbackOnly();
        });
        assertThat(outboxRows(orderId)).as("gone with the rolled-back payment").isZero();
    }

    long outboxRows(String orderId) {
        return jdbc.sql("select count(*) from email_outbox where dedupe_key = ?").param(CONFIRMATION + ":" + orderId)
                .query(Long.class).single();
    }

    @Test
    void aDeclinedPaymentSendsNoConfirmationAndThePaidRetryOneInYen() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var bowl = Shop.product(mvc, seller, "Tea bowl", 1500, "JPY", 5);
        addToCart(mvc, buyer, bowl, 3);

        var declined = checkout(mvc, buyer, key(), "pm_card_chargeDeclined").andExpect(status().isPaymentRequired())
                .andReturn().getResponse().getContentAsString();
        String declinedId = JsonPath.read(declined, "$.errors.order[0]");
        var paidId = paidOrder(buyer);

        var email = Mailbox.await(mvc, buyer.email(), CONFIRMATION);
        assertThat(confirmationsTo(buyer)).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains(paidId);
            assertThat(m.text()).doesNotContain(declinedId);
        });
        assertThat(email.text()).contains("- Tea bowl\n  3 x 1,500 JPY = 4,500 JPY\n", "Total: 4,500 JPY");
        assertThat(email.html()).contains(">1,500 JPY</td>", ">4,500 JPY</td>", ">4,500 JPY</th>");
    }

    @Test
    void anOrderPaidLaterByReconciliationIsConfirmedThen() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        addToCart(mvc, buyer, Shop.product(mvc, seller, "Slow lamp", 2000, "GBP", 2), 1);
        var body = checkout(mvc, buyer, key(), "pm_card_timeout").andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        String orderId = JsonPath.read(body, "$.order.id");
        assertThat(confirmationsTo(buyer)).as("pending: no confirmation yet").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        reconciliation.run();

        var email = Mailbox.await(mvc, buyer.email(), CONFIRMATION);
        assertThat(email.subject()).contains(orderId);
        assertThat(email.text()).contains("- Slow lamp\n  1 x 20.00 GBP = 20.00 GBP\n", "Total: 20.00 GBP");
    }

    @Test
    void theLargestOrderIsPaidAndConfirmed() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        // A full cart (agora.orders.max-cart-items) of products with the longest titles, full of characters to escape.
        for (int i = 0; i < 50; i++) {
            var title = ("%02d <&> ".formatted(i) + "x".repeat(200)).substring(0, 200);
            addToCart(mvc, buyer, Shop.product(mvc, seller, title, 999_999, "EUR", 100), 100);
        }

        var orderId = paidOrder(buyer);

        var email = Mailbox.await(mvc, buyer.email(), CONFIRMATION);
        assertThat(email.subject()).contains(orderId);
        assertThat(email.text().lines().filter(l -> l.equals("  100 x 9,999.99 EUR = 999,999.00 EUR"))).hasSize(50);
        assertThat(email.text()).contains("- 00 <&> xxx", "- 49 <&> xxx", "Total: 49,999,950.00 EUR");
        assertThat(email.html()).contains(">49 &lt;&amp;&gt; xxx");
    }
}
