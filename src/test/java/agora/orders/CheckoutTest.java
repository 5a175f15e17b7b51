package agora.orders;

import static agora.catalog.Shop.addToCart;
import static agora.catalog.Shop.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.catalog.ProductUpdated;
import agora.catalog.Shop;
import agora.orders.internal.OrderHousekeeping;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

@AgoraTest
@RecordApplicationEvents
class CheckoutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    OrderHousekeeping housekeeping;

    static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aPaidCheckoutCommitsStockEmptiesTheCartAndPublishesOrderPaidOnce() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var board = Shop.product(mvc, seller, 1250, "EUR", 5);
        var spoon = Shop.product(mvc, seller, 300, "EUR", 5);
        addToCart(mvc, buyer, board, 2);
        addToCart(mvc, buyer, spoon, 1);

        var body = checkout(mvc, buyer, key(), "pm_card_visa")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.order.status").value("PAID"))
                .andExpect(jsonPath("$.order.total").value(2800))
                .andExpect(jsonPath("$.order.currency").value("EUR"))
                .andExpect(jsonPath("$.order.items.length()").value(2))
                .andExpect(jsonPath("$.order.shippingAddress.city").value("Berlin"))
                .andReturn().getResponse().getContentAsString();
        String orderId = JsonPath.read(body, "$.order.id");
        assertThat(orderId).startsWith("ord_").hasSize(24);

        assertThat(Shop.stock(jdbc, board)).isEqualTo(3);
        assertThat(Shop.unitsSold(jdbc, board)).isEqualTo(2);
        assertThat(Shop.stock(jdbc, spoon)).isEqualTo(4);
        mvc.perform(get("/api/cart").header("Authorization", buyer.authorization()))
                .andExpect(jsonPath("$.cart.items.length()").value(0));

        var paid = events.stream(OrderPaid.class).filter(e -> e.orderId().equals(orderId)).toList();
        assertThat(paid).hasSize(1);
        var event = paid.getFirst();
        assertThat(event.totalAmount()).isEqualTo(2800);
        assertThat(event.currency()).isEqualTo("EUR");
        assertThat(event.buyerId()).isEqualTo(Shop.userId(jdbc, buyer.username()));
        assertThat(event.paidAt()).isEqualTo(clock.instant());
        assertThat(event.lines()).extracting(OrderPaid.Line::productId, OrderPaid.Line::quantity,
                OrderPaid.Line::unitPrice, OrderPaid.Line::lineTotal)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(board, 2, 1250L, 2500L),
                        org.assertj.core.groups.Tuple.tuple(spoon, 1, 300L, 300L));
        assertThat(event.lines()).allSatisfy(line -> assertThat(line.title()).startsWith("Thing "));

        // Search learns of the sale; the reservation left stock over, which no shopper sees.
        assertThat(updatesOf(board)).isOne();
    }

    /** Their listeners write each recipient's notification in the paying transaction: one lock order for all orders. */
    @Test
    void thePaidOrdersEventsComeInTheOrderOfTheirRecipientsIds() throws Exception {
        var before = Shop.seller(mvc, "before");
        var buyer = Api.signUp(mvc, "buyer");
        var after = Shop.seller(mvc, "after");
        addToCart(mvc, buyer, Shop.product(mvc, after, 500, "EUR", 5), 1);
        addToCart(mvc, buyer, Shop.product(mvc, before, 700, "EUR", 5), 1);

        var body = checkout(mvc, buyer, key(), "pm_card_visa").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String orderId = JsonPath.read(body, "$.order.id");

        var recipients = events.stream()
                .map(e -> e instanceof PayloadApplicationEvent<?> payload ? payload.getPayload() : e)
                .map(e -> switch (e) {
                    case OrderPaid paid when paid.orderId().equals(orderId) -> paid.buyerId();
                    case OrderSold sold when sold.orderId().equals(orderId) -> sold.sellerId();
                    default -> null;
                }).filter(Objects::nonNull).toList();
        assertThat(recipients).containsExactly(Shop.userId(jdbc, before.username()),
                Shop.userId(jdbc, buyer.username()), Shop.userId(jdbc, after.username()));
    }

    @Test
    void aCheckoutThatTakesTheLastUnitsChangesTheProductTwice() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var lamp = Shop.product(mvc, seller, 4000, "EUR", 2);
        addToCart(mvc, buyer, lamp, 2);

        checkout(mvc, buyer, key(), "pm_card_visa").andExpect(status().isCreated());

        assertThat(Shop.stock(jdbc, lamp)).isZero();
        assertThat(updatesOf(lamp)).as("sold out by the reservation, then sold").isEqualTo(2);
    }

    long updatesOf(String product) {
        var id = jdbc.sql("select id from products where public_id = ?").param(product).query(Long.class).single();
        return events.stream(ProductUpdated.class).filter(e -> e.productId() == id).count();
    }

    @Test
    void aDeclinedPaymentAnswers402NamingTheOrderAndReleasesTheStock() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var product = Shop.product(mvc, seller, 999, "USD", 2);
        addToCart(mvc, buyer, product, 2);

        var body = checkout(mvc, buyer, key(), "pm_card_chargeDeclined")
                .andExpect(status().isPaymentRequired())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors.payment[0]").value("failed (card_declined)"))
                .andReturn().getResponse().getContentAsString();
        String orderId = JsonPath.read(body, "$.errors.order[0]");
        assertThat((String) JsonPath.read(body, "$.detail")).contains(orderId);

        mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.authorization()))
                .andExpect(jsonPath("$.order.status").value("PAYMENT_FAILED"))
                .andExpect(jsonPath("$.order.failureCode").value("card_declined"));
        assertThat(Shop.stock(jdbc, product)).isEqualTo(2);
        assertThat(Shop.unitsSold(jdbc, product)).isZero();
        // The cart stays, so the buyer can try another card.
        mvc.perform(get("/api/cart").header("Authorization", buyer.authorization()))
                .andExpect(jsonPath("$.cart.items.length()").value(1));

        checkout(mvc, buyer, key(), "pm_card_chargeDeclinedInsufficientFunds")
                .andExpect(status().isPaymentRequired())
                .andExpect(jsonPath("$.errors.payment[0]").value("failed (insufficient_funds)"));
        assertThat(events.stream(OrderPaid.class).filter(e -> e.orderId().equals(orderId))).isEmpty();
    }

    @Test
    void insufficientStockAnswers409NamingTheProductAndChargesNothing() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var plenty = Shop.product(mvc, seller, 100, "EUR", 10);
        var scarce = Shop.product(mvc, seller, 100, "EUR", 1);
        addToCart(mvc, buyer, plenty, 3);
        addToCart(mvc, buyer, scarce, 2);
        var chargesBefore = jdbc.sql("select count(*) from sandbox_charges").query(Integer.class).single();

        checkout(mvc, buyer, key(), "pm_card_visa")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors.product[0]").value(org.hamcrest.Matchers.containsString(scarce)))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2 wanted, 1 left")));

        assertThat(jdbc.sql("select count(*) from sandbox_charges").query(Integer.class).single())
                .isEqualTo(chargesBefore);
        assertThat(Shop.stock(jdbc, plenty)).isEqualTo(10);
        assertThat(Shop.stock(jdbc, scarce)).isEqualTo(1);
        mvc.perform(get("/api/orders").header("Authorization", buyer.authorization()))
                .andExpect(jsonPath("$.ordersCount").value(0));
    }

    @Test
    void pricesAreReadAtCheckoutAndOneOrderHasOneCurrency() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var euros = Shop.product(mvc, seller, 1000, "EUR", 5);
        addToCart(mvc, buyer, euros, 1);
        mvc.perform(put("/api/products/" + euros).header("Authorization", seller.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"product\":{\"price\":{\"amount\":1500}}}"))
                .andExpect(status().isOk());
        var dollars = Shop.product(mvc, seller, 700, "USD", 5);
        addToCart(mvc, buyer, dollars, 1);

        checkout(mvc, buyer, key(), "pm_card_visa").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.cart[0]").value(org.hamcrest.Matchers.startsWith("mixes currencies")));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/cart/items/" + dollars)
                .header("Authorization", buyer.authorization())).andExpect(status().isOk());
        checkout(mvc, buyer, key(), "pm_card_visa").andExpect(status().isCreated())
                .andExpect(jsonPath("$.order.total").value(1500))
                .andExpect(jsonPath("$.order.items[0].unitPrice").value(1500));
    }

    @Test
    void refusesBadCheckoutRequests() throws Exception {
        var buyer = Api.signUp(mvc, "buyer");
        checkout(mvc, buyer, key(), "pm_card_visa").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.cart[0]").value("is empty"));
        mvc.perform(post("/api/orders").header("Authorization", buyer.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(Shop.checkoutJson("pm_card_visa")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors['Idempotency-Key'][0]").value("header is required"));
        mvc.perform(post("/api/orders").header("Authorization", buyer.authorization())
                .header("Idempotency-Key", "x".repeat(256)).contentType(MediaType.APPLICATION_JSON)
                .content(Shop.checkoutJson("pm_card_visa")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/orders").header("Authorization", buyer.authorization()).header("Idempotency-Key", key())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"paymentMethod\":\"4242424242424242\",\"shippingAddress\":{\"name\":\"\",\"line1\":\"x\","
                        + "\"city\":\"y\",\"postalCode\":\"1\",\"country\":\"XX\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.paymentMethod[0]").exists())
                .andExpect(jsonPath("$.errors['shippingAddress.name'][0]").value("can't be blank"))
                .andExpect(jsonPath("$.errors['shippingAddress.country'][0]").exists());
        mvc.perform(post("/api/orders").header("Idempotency-Key", key()).contentType(MediaType.APPLICATION_JSON)
                .content(Shop.checkoutJson("pm_card_visa"))).andExpect(status().isUnauthorized());
    }

    @Test
    void theSameKeyAndBodyReplayTheFirstResponseAndAnotherBodyIsRefused() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var product = Shop.product(mvc, seller, 500, "EUR", 5);
        addToCart(mvc, buyer, product, 1);
        var key = key();

        var first = checkout(mvc, buyer, key, "pm_card_visa").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        addToCart(mvc, buyer, product, 1);
        var replay = checkout(mvc, buyer, key, "pm_card_visa").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(replay).isEqualTo(first);
        assertThat(Shop.stock(jdbc, product)).isEqualTo(4);

        checkout(mvc, buyer, key, "pm_card_mastercard").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors['Idempotency-Key'][0]").value("was already used for a different request"));

        // Keys are per user: another buyer's identical key is theirs alone.
        var other = Api.signUp(mvc, "other");
        addToCart(mvc, other, product, 1);
        var theirs = checkout(mvc, other, key, "pm_card_visa").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(theirs, "$.order.id")).isNotEqualTo(JsonPath.read(first, "$.order.id"));
    }

    @Test
    void aDeclineIsReplayedTooAndKeysAreKeptForADay() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var product = Shop.product(mvc, seller, 500, "EUR", 5);
        addToCart(mvc, buyer, product, 1);
        var key = key();
        var first = checkout(mvc, buyer, key, "pm_card_chargeDeclined").andExpect(status().isPaymentRequired())
                .andReturn().getResponse().getContentAsString();

        clock.advance(Duration.ofHours(23));
        housekeeping.forgetOldIdempotencyKeys();
        var replay = checkout(mvc, buyer, key, "pm_card_chargeDeclined").andExpect(status().isPaymentRequired())
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(replay, "$.errors.order[0]")).isEqualTo(JsonPath.read(first, "$.errors.order[0]"));

        clock.advance(Duration.ofHours(2));
        housekeeping.forgetOldIdempotencyKeys();
        checkout(mvc, buyer, key, "pm_card_visa").andExpect(status().isCreated());
    }

    @Test
    void aFailedRequestWithoutEffectLeavesItsKeyFree() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var product = Shop.product(mvc, seller, 500, "EUR", 1);
        var key = key();
        checkout(mvc, buyer, key, "pm_card_visa").andExpect(status().isUnprocessableContent());
        addToCart(mvc, buyer, product, 1);
        checkout(mvc, buyer, key, "pm_card_visa").andExpect(status().isCreated());
    }
}
