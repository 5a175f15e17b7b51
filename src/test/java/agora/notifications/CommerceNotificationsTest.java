package agora.notifications;

import static agora.notifications.Inboxes.await;
import static agora.notifications.Inboxes.awaitCount;
import static agora.notifications.Inboxes.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import agora.catalog.Shop;
import agora.orders.OrderPaid;
import agora.orders.OrderSold;
import agora.test.AgoraTest;
import agora.test.Api;

/** Buyers hear of their orders, sellers of their sales and of stock running low. */
@AgoraTest
class CommerceNotificationsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    String buy(Api.SignedUp buyer, String product, int quantity) throws Exception {
        Shop.addToCart(mvc, buyer, product, quantity);
        var body = Shop.checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.order.id");
    }

    void post(String path, Api.SignedUp user, String body) throws Exception {
        var request = MockMvcRequestBuilders.post(path).header("Authorization", user.authorization())
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        mvc.perform(request).andExpect(status().isOk());
    }

    @Test
    void theBuyerHearsOfPaymentShippingAndRefundsTheSellerOfTheSale() throws Exception {
        var seller = Shop.seller(mvc, "lamps");
        var buyer = Api.signUp(mvc, "buyer");
        var lamp = Shop.product(mvc, seller, "Lamp", 1000, "EUR", 50);
        var order = buy(buyer, lamp, 2);

        var paid = awaitCount(mvc, buyer, 1).getFirst();
        assertThat(paid).containsEntry("type", "order_paid").containsEntry("text", "Your order " + order + " was paid")
                .containsEntry("subject", Map.of("kind", "order", "id", order, "title", "2 × Lamp"))
                .containsEntry("actorCount", 0);
        assertThat(texts(awaitCount(mvc, seller, 1))).containsExactly("You sold 2 × Lamp (order " + order + ")");

        post("/api/orders/" + order + "/ship", seller, null);
        assertThat(texts(awaitCount(mvc, buyer, 2)).getFirst()).isEqualTo("Your order " + order + " was shipped");

        post("/api/orders/" + order + "/refund", seller, "{\"amount\":500}");
        assertThat(texts(awaitCount(mvc, buyer, 3)).getFirst()).isEqualTo("Your order " + order + " was partly refunded");
        post("/api/orders/" + order + "/refund", seller, null);
        assertThat(texts(awaitCount(mvc, buyer, 4)).getFirst()).isEqualTo("Your order " + order + " was refunded");
    }

    @Test
    void eachSellerHearsOfTheirOwnLinesOnly() throws Exception {
        var bob = Shop.seller(mvc, "bob");
        var dave = Shop.seller(mvc, "dave");
        var buyer = Api.signUp(mvc, "buyer");
        Shop.addToCart(mvc, buyer, Shop.product(mvc, bob, "Board", 1000, "EUR", 50), 1);
        Shop.addToCart(mvc, buyer, Shop.product(mvc, dave, "Keycaps", 500, "EUR", 50), 3);
        var order = buy(buyer, Shop.product(mvc, bob, "Chair", 700, "EUR", 50), 1);

        assertThat(texts(awaitCount(mvc, bob, 1))).singleElement().asString()
                .matches("You sold 1 × (Board, 1 × Chair|Chair, 1 × Board) \\(order " + order + "\\)");
        assertThat(texts(awaitCount(mvc, dave, 1))).containsExactly("You sold 3 × Keycaps (order " + order + ")");
        assertThat(awaitCount(mvc, buyer, 1).getFirst().get("subject").toString()).contains("3 × Keycaps");
    }

    /** Like the confirmation email, the paid order's notifications commit (or roll back) with the payment. */
    @Test
    void thePaidOrdersNotificationsAreWrittenByTheTransactionThatPaysIt() throws Exception {
        var buyerId = Shop.userId(jdbc, Api.signUp(mvc, "buyer").username());
        var sellerId = Shop.userId(jdbc, Shop.seller(mvc, "intx").username());
        var orderId = "ord_intx" + UUID.randomUUID().toString().substring(0, 8);
        var lines = List.of(new OrderPaid.Line("prd_x", "Lamp", 1, 500, 500));

        transactions.executeWithoutResult(tx -> {
            publisher.publishEvent(new OrderPaid(orderId, buyerId, lines, 500, "EUR", Instant.now()));
            publisher.publishEvent(new OrderSold(orderId, sellerId, lines, "EUR", Instant.now()));
            assertThat(notificationRows(orderId)).as("visible before the commit, in the same transaction").isEqualTo(2);
            tx.setRollbackOnly();
        });
        assertThat(notificationRows(orderId)).as("gone with the rolled-back payment").isZero();
    }

    long notificationRows(String orderId) {
        return jdbc.sql("select count(*) from notifications where source = ?").param("order:" + orderId)
                .query(Long.class).single();
    }

    /** A long title must never make the listener fail: the subject's title is cut to fit. */
    @Test
    void longProductTitlesAreCutToFit() throws Exception {
        var seller = Shop.seller(mvc, "long");
        var buyer = Api.signUp(mvc, "buyer");
        var first = Shop.product(mvc, seller, "L".repeat(200), 100, "EUR", 50);
        Shop.addToCart(mvc, buyer, first, 1);
        buy(buyer, Shop.product(mvc, seller, "M".repeat(200), 100, "EUR", 50), 1);

        var sale = awaitCount(mvc, seller, 1).getFirst();
        var title = (String) ((Map<?, ?>) sale.get("subject")).get("title");
        assertThat(title).hasSize(300).endsWith("…");
        var paid = awaitCount(mvc, buyer, 1).getFirst();
        assertThat((String) ((Map<?, ?>) paid.get("subject")).get("title")).hasSize(300);
    }

    @Test
    void sellersHearWhenStockCrossesItsThresholdAndWhenItRunsOut() throws Exception {
        var seller = Shop.seller(mvc, "stock");
        var buyer = Api.signUp(mvc, "buyer");
        var body = mvc.perform(MockMvcRequestBuilders.post("/api/products")
                .header("Authorization", seller.authorization()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"product":{"title":"Vase","description":"d","price":{"amount":900,"currency":"EUR"},
                         "stock":6,"lowStockThreshold":3}}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(body, "$.product.lowStockThreshold")).isEqualTo(3);
        String vase = JsonPath.read(body, "$.product.id");

        buy(buyer, vase, 2); // 4 left: above the threshold
        awaitCount(mvc, seller, 1);
        buy(buyer, vase, 1); // 3 left: crossed
        var low = await(mvc, seller, list -> list.size() == 3);
        assertThat(texts(low)).filteredOn(t -> t.startsWith("“")).containsExactly("“Vase” is running low: 3 left");
        buy(buyer, vase, 1); // 2 left: below already, no news
        buy(buyer, vase, 2); // none left
        var out = awaitCount(mvc, seller, 6);
        assertThat(texts(out)).filteredOn(t -> t.startsWith("“"))
                .containsExactlyInAnyOrder("“Vase” is out of stock", "“Vase” is running low: 3 left");
        assertThat(out).filteredOn(n -> n.get("type").equals("out_of_stock")).singleElement()
                .extracting(n -> n.get("subject")).isEqualTo(Map.of("kind", "product", "id", vase, "title", "Vase"));
    }

    @Test
    void theThresholdIsValidated() throws Exception {
        var seller = Shop.seller(mvc, "valid");
        mvc.perform(MockMvcRequestBuilders.post("/api/products")
                .header("Authorization", seller.authorization()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"product":{"title":"Vase","description":"d","price":{"amount":900,"currency":"EUR"},
                         "stock":6,"lowStockThreshold":-1}}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$.errors.lowStockThreshold").exists());
    }
}
