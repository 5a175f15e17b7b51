package agora.orders;

import static agora.catalog.Shop.addToCart;
import static agora.catalog.Shop.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.catalog.Shop;
import agora.orders.internal.Checkout;
import agora.orders.internal.CheckoutRequest;
import agora.orders.internal.Reconciliation;
import agora.orders.internal.ShippingAddress;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/** Crash safety: whatever step 2 left open, reconciliation finalizes, with stock consistent. */
@AgoraTest
@RecordApplicationEvents
class ReconciliationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Checkout checkout;

    @Autowired
    Reconciliation reconciliation;

    long paidEvents(String orderId) {
        return events.stream(OrderPaid.class).filter(e -> e.orderId().equals(orderId)).count();
    }

    @Test
    void anOrderLeftPendingByACrashAfterStepOneIsPaidByReconciliation() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var product = Shop.product(mvc, seller, 4000, "EUR", 3);
        addToCart(mvc, buyer, product, 2);
        var buyerId = Shop.userId(jdbc, buyer.username());

        // Step 1 commits, then the process "dies": the provider is never called.
        var order = checkout.placeOrder(buyerId, UUID.randomUUID().toString(), new CheckoutRequest("pm_card_visa",
                new ShippingAddress("Erin", "Main St 1", null, "Berlin", "10115", "DE")));
        assertThat(Shop.orderStatus(jdbc, order.publicId())).isEqualTo("PAYMENT_PENDING");
        assertThat(Shop.stock(jdbc, product)).isEqualTo(1);
        assertThat(Shop.sandboxCharges(jdbc, order.publicId())).isZero();

        // Within the grace period reconciliation leaves it alone: a live checkout could still be charging.
        assertThat(reconciliation.run().stillPending()).isZero();
        assertThat(Shop.orderStatus(jdbc, order.publicId())).isEqualTo("PAYMENT_PENDING");

        clock.advance(Duration.ofMinutes(2));
        var report = reconciliation.run();
        assertThat(report.paid()).isEqualTo(1);
        assertThat(Shop.orderStatus(jdbc, order.publicId())).isEqualTo("PAID");
        assertThat(Shop.sandboxCharges(jdbc, order.publicId())).isEqualTo(1);
        assertThat(Shop.stock(jdbc, product)).isEqualTo(1);
        assertThat(Shop.unitsSold(jdbc, product)).isEqualTo(2);
        assertThat(paidEvents(order.publicId())).isEqualTo(1);

        // Running again changes nothing and publishes nothing more.
        reconciliation.run();
        assertThat(paidEvents(order.publicId())).isEqualTo(1);
        assertThat(Shop.unitsSold(jdbc, product)).isEqualTo(2);
    }

    @Test
    void aProviderTimeoutAnswers202AndReconciliationLearnsTheOutcome() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var product = Shop.product(mvc, seller, 1500, "EUR", 4);
        addToCart(mvc, buyer, product, 1);
        var key = UUID.randomUUID().toString();

        var body = checkout(mvc, buyer, key, "pm_card_timeout").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.order.status").value("PAYMENT_PENDING"))
                .andReturn().getResponse().getContentAsString();
        String orderId = JsonPath.read(body, "$.order.id");
        assertThat(Shop.stock(jdbc, product)).isEqualTo(3);
        assertThat(paidEvents(orderId)).isZero();
        // The bank did take the money; only its answer was lost.
        assertThat(Shop.sandboxCharges(jdbc, orderId)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(reconciliation.run().paid()).isEqualTo(1);
        mvc.perform(get("/api/orders/" + orderId).header("Authorization", buyer.authorization()))
                .andExpect(jsonPath("$.order.status").value("PAID"));
        assertThat(Shop.sandboxCharges(jdbc, orderId)).isEqualTo(1);
        assertThat(Shop.stock(jdbc, product)).isEqualTo(3);
        assertThat(Shop.unitsSold(jdbc, product)).isEqualTo(1);
        assertThat(paidEvents(orderId)).isEqualTo(1);

        // The first response is what a retry with the key replays.
        checkout(mvc, buyer, key, "pm_card_timeout").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.order.id").value(orderId));
    }

    @Test
    void aRetryAfterACrashAnswersFromTheOrderAndNeverChargesAgain() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var product = Shop.product(mvc, seller, 700, "EUR", 4);
        addToCart(mvc, buyer, product, 1);
        var key = UUID.randomUUID().toString();
        var order = checkout.placeOrder(Shop.userId(jdbc, buyer.username()), key, new CheckoutRequest("pm_card_visa",
                new ShippingAddress("Erin Buyer", "Hauptstrasse 1", null, "Berlin", "10115", "DE")));

        clock.advance(Duration.ofMinutes(2));
        reconciliation.run();
        assertThat(Shop.orderStatus(jdbc, order.publicId())).isEqualTo("PAID");

        // The client retries the checkout it never got an answer for: it learns the outcome, nothing is re-run.
        checkout(mvc, buyer, key, "pm_card_visa").andExpect(status().isCreated())
                .andExpect(jsonPath("$.order.id").value(order.publicId()))
                .andExpect(jsonPath("$.order.status").value("PAID"));
        checkout(mvc, buyer, key, "pm_card_mastercard").andExpect(status().isUnprocessableContent());
        assertThat(Shop.sandboxCharges(jdbc, order.publicId())).isEqualTo(1);
        assertThat(Shop.stock(jdbc, product)).isEqualTo(3);
    }
}
