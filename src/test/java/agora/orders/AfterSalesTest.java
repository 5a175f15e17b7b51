package agora.orders;

import static agora.catalog.Shop.addToCart;
import static agora.catalog.Shop.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.jayway.jsonpath.JsonPath;

import agora.catalog.Shop;
import agora.test.AgoraTest;
import agora.test.Api;

/** Who sees an order, and what happens after it is paid: shipping, cancelling, refunds. */
@AgoraTest
class AfterSalesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    record Sale(Api.SignedUp buyer, Api.SignedUp bob, Api.SignedUp dave, String board, String keycaps, String order) {
    }

    /** The buyer pays one order with 2 boards from bob (2 x 1000) and 1 keycap set from dave (500). */
    Sale sale() throws Exception {
        var bob = Shop.seller(mvc, "bob");
        var dave = Shop.seller(mvc, "dave");
        var buyer = Api.signUp(mvc, "buyer");
        var board = Shop.product(mvc, bob, 1000, "EUR", 5);
        var keycaps = Shop.product(mvc, dave, 500, "EUR", 5);
        addToCart(mvc, buyer, board, 2);
        addToCart(mvc, buyer, keycaps, 1);
        var body = checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return new Sale(buyer, bob, dave, board, keycaps, JsonPath.read(body, "$.order.id"));
    }

    ResultActions post(String path, Api.SignedUp user, String body) throws Exception {
        var request = MockMvcRequestBuilders.post(path)
                .header("Authorization", user.authorization()).header("Idempotency-Key", UUID.randomUUID().toString());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    Api.SignedUp admin() throws Exception {
        var admin = Api.signUp(mvc, "admin");
        jdbc.sql("update users set role = 'ADMIN' where username = ?").param(admin.username()).update();
        return new Api.SignedUp(admin.username(), admin.email(), Api.login(mvc, admin.email(), Api.PASSWORD));
    }

    @Test
    void theBuyerSeesTheWholeOrderASellerOnlyTheirLinesOthersNothing() throws Exception {
        var sale = sale();
        mvc.perform(get("/api/orders/" + sale.order()).header("Authorization", sale.buyer().authorization()))
                .andExpect(jsonPath("$.order.total").value(2500))
                .andExpect(jsonPath("$.order.items.length()").value(2))
                .andExpect(jsonPath("$.order.paymentMethod").value("pm_card_visa"))
                .andExpect(jsonPath("$.order.buyer").value(sale.buyer().username()));
        mvc.perform(get("/api/orders/" + sale.order()).header("Authorization", sale.bob().authorization()))
                .andExpect(jsonPath("$.order.total").value(2000))
                .andExpect(jsonPath("$.order.items.length()").value(1))
                .andExpect(jsonPath("$.order.items[0].product").value(sale.board()))
                .andExpect(jsonPath("$.order.items[0].seller").value(sale.bob().username()))
                .andExpect(jsonPath("$.order.paymentMethod").doesNotExist())
                .andExpect(jsonPath("$.order.shippingAddress.line1").value("Hauptstrasse 1"));
        var stranger = Api.signUp(mvc, "stranger");
        mvc.perform(get("/api/orders/" + sale.order()).header("Authorization", stranger.authorization()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/orders/" + sale.order())).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/orders").header("Authorization", sale.buyer().authorization()))
                .andExpect(jsonPath("$.ordersCount").value(1))
                .andExpect(jsonPath("$.orders[0].id").value(sale.order()));
        mvc.perform(get("/api/orders").param("as", "seller").header("Authorization", sale.dave().authorization()))
                .andExpect(jsonPath("$.ordersCount").value(1))
                .andExpect(jsonPath("$.orders[0].items.length()").value(1))
                .andExpect(jsonPath("$.orders[0].total").value(500));
        mvc.perform(get("/api/orders").param("as", "seller").header("Authorization", stranger.authorization()))
                .andExpect(jsonPath("$.ordersCount").value(0));
        mvc.perform(get("/api/orders").param("as", "nobody").header("Authorization", stranger.authorization()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/orders").param("limit", "1000").header("Authorization", stranger.authorization()))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void theBuyerCancelsBeforeShippingForAFullRefundAndStockBack() throws Exception {
        var sale = sale();
        var stranger = Api.signUp(mvc, "stranger");
        post("/api/orders/" + sale.order() + "/cancel", stranger, null).andExpect(status().isNotFound());
        post("/api/orders/" + sale.order() + "/cancel", sale.bob(), null).andExpect(status().isNotFound());

        var key = UUID.randomUUID().toString();
        var cancel = MockMvcRequestBuilders
                .post("/api/orders/" + sale.order() + "/cancel")
                .header("Authorization", sale.buyer().authorization()).header("Idempotency-Key", key);
        var first = mvc.perform(cancel).andExpect(status().isOk())
                .andExpect(jsonPath("$.order.status").value("CANCELLED"))
                .andExpect(jsonPath("$.order.refunded").value(2500))
                .andExpect(jsonPath("$.order.refunds[0].status").value("SUCCEEDED"))
                .andReturn().getResponse().getContentAsString();
        assertThat(Shop.stock(jdbc, sale.board())).isEqualTo(5);
        assertThat(Shop.unitsSold(jdbc, sale.board())).isZero();
        assertThat(Shop.stock(jdbc, sale.keycaps())).isEqualTo(5);
        assertThat(sandboxRefunded(sale.order())).isEqualTo(2500);

        // The retry replays; a new request finds nothing left to cancel.
        assertThat(mvc.perform(cancel).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .isEqualTo(first);
        post("/api/orders/" + sale.order() + "/cancel", sale.buyer(), null).andExpect(status().isConflict());
        assertThat(sandboxRefunded(sale.order())).isEqualTo(2500);
        assertThat(Shop.stock(jdbc, sale.board())).isEqualTo(5);
    }

    @Test
    void aShippedOrderCanNoLongerBeCancelled() throws Exception {
        var sale = sale();
        mvc.perform(MockMvcRequestBuilders
                .post("/api/orders/" + sale.order() + "/ship").header("Authorization", sale.buyer().authorization()))
                .andExpect(status().isForbidden());
        mvc.perform(MockMvcRequestBuilders
                .post("/api/orders/" + sale.order() + "/ship").header("Authorization", sale.bob().authorization()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.order.status").value("SHIPPED"));
        post("/api/orders/" + sale.order() + "/cancel", sale.buyer(), null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("SHIPPED")));
        assertThat(Shop.stock(jdbc, sale.board())).isEqualTo(3);
    }

    @Test
    void sellersRefundUpToTheirLinesAndAdminsUpToWhatWasPaid() throws Exception {
        var sale = sale();
        var path = "/api/orders/" + sale.order() + "/refund";
        post(path, sale.buyer(), "{\"amount\":100}").andExpect(status().isForbidden());
        post(path, Api.signUp(mvc, "stranger"), "{\"amount\":100}").andExpect(status().isNotFound());
        post(path, sale.dave(), "{\"amount\":501}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.amount[0]").value("must be between 1 and 500 (what is left to refund)"));
        post(path, sale.dave(), "{\"amount\":0}").andExpect(status().isUnprocessableContent());
        post(path, sale.dave(), "{\"amount\":\"5\"}").andExpect(status().isUnprocessableContent());

        post(path, sale.dave(), "{\"amount\":200}").andExpect(status().isOk())
                .andExpect(jsonPath("$.order.total").value(500))
                .andExpect(jsonPath("$.order.refunded").value(200))
                .andExpect(jsonPath("$.order.status").value("PAID"));
        post(path, sale.dave(), null).andExpect(status().isOk()).andExpect(jsonPath("$.order.refunded").value(500));
        post(path, sale.dave(), "{\"amount\":1}").andExpect(status().isConflict());

        var admin = admin();
        post(path, admin, "{\"amount\":2001}").andExpect(status().isUnprocessableContent());
        post(path, admin, "{\"amount\":2000}").andExpect(status().isOk())
                .andExpect(jsonPath("$.order.refunded").value(2500))
                .andExpect(jsonPath("$.order.status").value("REFUNDED"));
        post(path, sale.bob(), null).andExpect(status().isConflict());
        assertThat(sandboxRefunded(sale.order())).isEqualTo(2500);
        // A refund is money back, not goods back: the stock stays sold.
        assertThat(Shop.unitsSold(jdbc, sale.board())).isEqualTo(2);
    }

    @Test
    void aRefundRetriedUnderItsKeyPaysBackOnce() throws Exception {
        var sale = sale();
        var refund = MockMvcRequestBuilders
                .post("/api/orders/" + sale.order() + "/refund").header("Authorization", sale.bob().authorization())
                .header("Idempotency-Key", "refund-once").contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\":300}");
        var first = mvc.perform(refund).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mvc.perform(refund).andReturn().getResponse().getContentAsString()).isEqualTo(first);
        assertThat(sandboxRefunded(sale.order())).isEqualTo(300);
        mvc.perform(MockMvcRequestBuilders
                .post("/api/orders/" + sale.order() + "/refund").header("Authorization", sale.bob().authorization())
                .header("Idempotency-Key", "refund-once").contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\":400}")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void unpaidOrdersCanBeNeitherCancelledNorRefundedNorShipped() throws Exception {
        var bob = Shop.seller(mvc, "bob");
        var buyer = Api.signUp(mvc, "buyer");
        var board = Shop.product(mvc, bob, 1000, "EUR", 5);
        addToCart(mvc, buyer, board, 1);
        var body = checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_chargeDeclined")
                .andReturn().getResponse().getContentAsString();
        String order = JsonPath.read(body, "$.errors.order[0]");
        post("/api/orders/" + order + "/cancel", buyer, null).andExpect(status().isConflict());
        post("/api/orders/" + order + "/refund", bob, null).andExpect(status().isConflict());
        mvc.perform(MockMvcRequestBuilders.post("/api/orders/" + order + "/ship")
                .header("Authorization", bob.authorization())).andExpect(status().isConflict());
        assertThat(Shop.stock(jdbc, board)).isEqualTo(5);
    }

    long sandboxRefunded(String orderId) {
        return jdbc.sql("select refunded_amount from sandbox_charges where idempotency_key = ?")
                .param("agora-charge-" + orderId).query(Long.class).single();
    }
}
