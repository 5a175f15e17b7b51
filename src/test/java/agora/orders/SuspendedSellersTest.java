package agora.orders;

import static agora.catalog.Shop.addToCart;
import static agora.catalog.Shop.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import agora.accounts.AccountModeration;
import agora.accounts.SuspensionLifted;
import agora.accounts.UserSuspended;
import agora.catalog.ProductModeration;
import agora.catalog.Shop;
import agora.orders.internal.Checkout;
import agora.orders.internal.CheckoutRequest;
import agora.orders.internal.Reconciliation;
import agora.orders.internal.ShippingAddress;
import agora.platform.ApiException;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Listeners;
import agora.test.MutableClock;

/**
 * A suspended seller's products go off sale until the suspension is lifted, and their pending orders are handled
 * per the documented rule (docs/commerce.md, SuspendedSellerPolicy). A suspended buyer cannot check out.
 */
@AgoraTest
class SuspendedSellersTest {

    static final Duration PATIENCE = Duration.ofSeconds(10);
    static final ShippingAddress ADDRESS = new ShippingAddress("Erin", "Main St 1", null, "Berlin", "10115", "DE");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountModeration accounts;

    @Autowired
    ProductModeration products;

    @Autowired
    Checkout checkout;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    Listeners listeners;

    @BeforeEach
    void noteUnfinishedPublications() {
        listeners = Listeners.whoseIdsStartWith(jdbc, "agora.catalog.internal.SuspendedSellers.",
                "agora.orders.internal.SuspendedSellerOrders.");
    }

    void suspend(Api.SignedUp user) {
        accounts.suspend(Shop.userId(jdbc, user.username()), clock.instant().plus(7, ChronoUnit.DAYS), "fraud");
    }

    int statusOf(String productId) throws Exception {
        return mvc.perform(get("/api/products/" + productId)).andReturn().getResponse().getStatus();
    }

    List<String> searched(String word) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/search").param("q", word).param("type", "product"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.results[*].id");
    }

    /** Waits until the catalog's and the orders' suspension listeners have finished with every event of this test. */
    void awaitListeners() {
        listeners.awaitIdle(PATIENCE);
    }

    String paidOrder(Api.SignedUp buyer, String... productIds) throws Exception {
        for (var product : productIds) {
            addToCart(mvc, buyer, product, 1);
        }
        var body = checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.order.id");
    }

    long refunded(String orderId) {
        return jdbc.sql("select refunded_amount from orders where public_id = ?").param(orderId).query(Long.class)
                .single();
    }

    int refunds(String orderId) {
        return jdbc.sql("select count(*) from order_refunds r join orders o on o.id = r.order_id where o.public_id = ?")
                .param(orderId).query(Integer.class).single();
    }

    @Test
    void suspensionUnlistsTheSellersProductsAndLiftingRelistsOnlyThoseItTookOff() throws Exception {
        var seller = Shop.seller(mvc, "suspect");
        var word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).replaceAll("[0-9]", "k");
        var lamp = Shop.product(mvc, seller, "Lamp " + word, 2500, "EUR", 4);
        var vase = Shop.product(mvc, seller, "Vase " + word, 1500, "EUR", 4);
        var cup = Shop.product(mvc, seller, "Cup " + word, 500, "EUR", 4);
        mvc.perform(delete("/api/products/" + cup).header("Authorization", seller.authorization()))
                .andExpect(status().isNoContent());
        await().atMost(PATIENCE).until(() -> searched(word).size() == 2);

        suspend(seller);
        await().atMost(PATIENCE).until(() -> statusOf(lamp) == 404 && statusOf(vase) == 404);
        mvc.perform(get("/api/products").param("seller", seller.username()))
                .andExpect(jsonPath("$.productsCount").value(0));
        await().atMost(Duration.ofSeconds(1)).until(() -> searched(word).isEmpty());

        // while suspended, a moderator hides one of them; the event comes again
        products.hide(vase, "fake");
        suspend(seller);
        awaitListeners();
        assertThat(statusOf(lamp)).isEqualTo(404);

        accounts.liftSuspension(Shop.userId(jdbc, seller.username()));
        await().atMost(PATIENCE).until(() -> statusOf(lamp) == 200);
        await().atMost(Duration.ofSeconds(1)).until(() -> searched(word).equals(List.of(lamp)));
        awaitListeners();
        assertThat(statusOf(vase)).as("still hidden by the moderator").isEqualTo(404);
        assertThat(statusOf(cup)).as("still withdrawn by its seller").isEqualTo(404);
        mvc.perform(get("/api/products").param("seller", seller.username()))
                .andExpect(jsonPath("$.productsCount").value(1))
                .andExpect(jsonPath("$.products[0].id").value(lamp));

        // a suspension event that comes late, after the lift, takes nothing off sale; the lift's event again
        // puts nothing more on sale
        var sellerId = Shop.userId(jdbc, seller.username());
        transaction.executeWithoutResult(tx -> events.publishEvent(new UserSuspended(sellerId, null, "fraud")));
        transaction.executeWithoutResult(tx -> events.publishEvent(new SuspensionLifted(sellerId)));
        awaitListeners();
        assertThat(statusOf(lamp)).isEqualTo(200);
        assertThat(statusOf(vase)).isEqualTo(404);
        assertThat(statusOf(cup)).isEqualTo(404);
        products.restore(vase);
        assertThat(statusOf(vase)).isEqualTo(200);
    }

    @Test
    void aSuspendedSellersPaidOrdersAreRefundedShippedOnesLeftAndPendingOnesHandledOncePaid() throws Exception {
        var bob = Shop.seller(mvc, "bob");
        var dave = Shop.seller(mvc, "dave");
        var buyer = Api.signUp(mvc, "buyer");
        var board = Shop.product(mvc, bob, 1000, "EUR", 10);
        var keycaps = Shop.product(mvc, dave, 500, "EUR", 10);

        var sole = paidOrder(buyer, board);
        var shared = paidOrder(buyer, board, keycaps);
        var shipped = paidOrder(buyer, board);
        mvc.perform(post("/api/orders/" + shipped + "/ship").header("Authorization", bob.authorization()))
                .andExpect(status().isOk());
        addToCart(mvc, buyer, board, 2);
        // step one of a checkout only: the order awaits its payment's outcome
        var pending = checkout.placeOrder(Shop.userId(jdbc, buyer.username()), UUID.randomUUID().toString(),
                new CheckoutRequest("pm_card_visa", ADDRESS)).publicId();
        assertThat(Shop.stock(jdbc, board)).isEqualTo(5);

        suspend(bob);
        await().atMost(PATIENCE).until(() -> Shop.orderStatus(jdbc, sole).equals("CANCELLED"));
        await().atMost(PATIENCE).until(() -> refunded(shared) == 1000);
        awaitListeners();
        mvc.perform(get("/api/orders/" + sole).header("Authorization", buyer.authorization()))
                .andExpect(jsonPath("$.order.status").value("CANCELLED"))
                .andExpect(jsonPath("$.order.refunded").value(1000))
                .andExpect(jsonPath("$.order.refunds[0].status").value("SUCCEEDED"));
        mvc.perform(get("/api/orders/" + shared).header("Authorization", buyer.authorization()))
                .andExpect(jsonPath("$.order.status").value("PAID"))
                .andExpect(jsonPath("$.order.refunds[0].amount").value(1000))
                .andExpect(jsonPath("$.order.refunds[0].status").value("SUCCEEDED"));
        assertThat(Shop.orderStatus(jdbc, shipped)).isEqualTo("SHIPPED");
        assertThat(refunded(shipped)).isZero();
        assertThat(Shop.orderStatus(jdbc, pending)).isEqualTo("PAYMENT_PENDING");
        assertThat(Shop.stock(jdbc, board)).as("the cancelled order's board is back").isEqualTo(6);
        // dave ships his part of the shared order as usual
        mvc.perform(post("/api/orders/" + shared + "/ship").header("Authorization", dave.authorization()))
                .andExpect(status().isOk());
        // the buyer hears of the refunds the usual way
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(JsonPath.<List<String>>read(mvc.perform(
                get("/api/notifications").header("Authorization", buyer.authorization())).andReturn().getResponse()
                .getContentAsString(), "$.notifications[?(@.type == 'order_refunded')].subject.id"))
                .contains(sole, shared));

        // the event again: nothing more is refunded or restocked
        suspend(bob);
        awaitListeners();
        assertThat(refunds(sole)).isEqualTo(1);
        assertThat(refunds(shared)).isEqualTo(1);
        assertThat(refunded(shared)).isEqualTo(1000);
        assertThat(Shop.stock(jdbc, board)).isEqualTo(6);

        // the pending order is paid after all: it is handled like the paid ones, and only once
        clock.advance(Duration.ofMinutes(2));
        reconciliation.run();
        await().atMost(PATIENCE).until(() -> Shop.orderStatus(jdbc, pending).equals("CANCELLED"));
        awaitListeners();
        assertThat(refunded(pending)).isEqualTo(2000);
        assertThat(refunds(pending)).isEqualTo(1);
        assertThat(Shop.stock(jdbc, board)).isEqualTo(8);
        assertThat(Shop.unitsSold(jdbc, board)).as("the shipped and the shared order's boards").isEqualTo(2);
    }

    @Test
    void aSuspendedBuyerCannotCheckOutEvenWithATokenThatRacedTheSuspension() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var product = Shop.product(mvc, seller, 1000, "EUR", 3);
        addToCart(mvc, buyer, product, 1);
        suspend(buyer);
        // sessions are revoked at once ...
        checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isUnauthorized());
        // ... and a checkout that got past them is refused too
        assertThatThrownBy(() -> checkout.checkout(Shop.userId(jdbc, buyer.username()), UUID.randomUUID().toString(),
                new CheckoutRequest("pm_card_visa", ADDRESS)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
        assertThat(Shop.stock(jdbc, product)).isEqualTo(3);
    }
}
