package agora.payments;

import static agora.catalog.Shop.addToCart;
import static agora.catalog.Shop.checkout;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.jayway.jsonpath.JsonPath;

import agora.catalog.Shop;
import agora.orders.OrderPaid;
import agora.orders.internal.Reconciliation;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/** The stripe adapter and webhooks against a fake Stripe (WireMock) that the test starts on a random port. */
@AgoraTest
@RecordApplicationEvents
@DirtiesContext
class StripeTest {

    static final WireMockServer stripe = FakeStripe.start();

    @DynamicPropertySource
    static void useFakeStripe(DynamicPropertyRegistry registry) {
        FakeStripe.configure(registry, stripe);
    }

    @AfterAll
    static void stopFakeStripe() {
        stripe.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Reconciliation reconciliation;

    Api.SignedUp seller;
    Api.SignedUp buyer;
    String product;

    @BeforeEach
    void shop() throws Exception {
        stripe.resetAll();
        seller = Shop.seller(mvc, "seller");
        buyer = Api.signUp(mvc, "buyer");
        product = Shop.product(mvc, seller, 1250, "EUR", 4);
        addToCart(mvc, buyer, product, 2);
    }

    static String piId() {
        return "pi_" + UUID.randomUUID().toString().replace("-", "");
    }

    String pendingCheckout() throws Exception {
        var body = checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.order.status").value("PAYMENT_PENDING"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.order.id");
    }

    ResultActions webhook(String payload, String signature) throws Exception {
        var request = MockMvcRequestBuilders.post("/api/payments/webhooks/stripe").contentType(MediaType.APPLICATION_JSON)
                .content(payload);
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return mvc.perform(request);
    }

    ResultActions signedWebhook(String payload) throws Exception {
        return webhook(payload, FakeStripe.signature(payload, clock.instant(), FakeStripe.WEBHOOK_SECRET));
    }

    @Test
    void chargesThroughPaymentIntentsWithAnIdempotencyKey() throws Exception {
        stripe.stubFor(post("/v1/payment_intents").willReturn(okJson(FakeStripe.intent(piId(), "succeeded", 2500, "x"))));

        var body = checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isCreated())
                .andExpect(jsonPath("$.order.status").value("PAID")).andReturn().getResponse().getContentAsString();
        String orderId = JsonPath.read(body, "$.order.id");

        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Authorization", equalTo("Bearer " + FakeStripe.API_KEY))
                .withHeader("Idempotency-Key", equalTo("agora-charge-" + orderId))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("amount=2500&currency=eur&payment_method=pm_card_visa&confirm=true"))
                .withRequestBody(containing("metadata%5Breference%5D=" + orderId)));
        assertThat(Shop.unitsSold(jdbc, product)).isEqualTo(2);
    }

    @Test
    void aCardErrorIsADecline() throws Exception {
        stripe.stubFor(post("/v1/payment_intents").willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
                         "payment_intent":{"id":"%s","status":"requires_payment_method"}}}""".formatted(piId()))));

        checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isPaymentRequired())
                .andExpect(jsonPath("$.errors.payment[0]").value("failed (insufficient_funds)"));
        assertThat(Shop.stock(jdbc, product)).isEqualTo(4);
    }

    @Test
    void a500LeavesTheOrderPendingUntilReconciliationRepeatsTheChargeUnderItsKey() throws Exception {
        var pi = piId();
        stripe.stubFor(post("/v1/payment_intents").inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        stripe.stubFor(post("/v1/payment_intents").inScenario("outage").whenScenarioStateIs("recovered")
                .willReturn(okJson(FakeStripe.intent(pi, "succeeded", 2500, "x"))));

        var orderId = pendingCheckout();
        assertThat(Shop.stock(jdbc, product)).isEqualTo(2);

        clock.advance(Duration.ofMinutes(2));
        assertThat(reconciliation.run().paid()).isEqualTo(1);
        assertThat(Shop.orderStatus(jdbc, orderId)).isEqualTo("PAID");
        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("agora-charge-" + orderId)));
        assertThat(events.stream(OrderPaid.class).filter(e -> e.orderId().equals(orderId))).hasSize(1);
    }

    @Test
    void aTimeoutLeavesTheOrderPendingAndReconciliationLearnsTheOutcome() throws Exception {
        var pi = piId();
        stripe.stubFor(post("/v1/payment_intents").inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(FakeStripe.intent(pi, "succeeded", 2500, "x")).withFixedDelay(1500))
                .willSetStateTo("answered"));
        stripe.stubFor(post("/v1/payment_intents").inScenario("slow").whenScenarioStateIs("answered")
                .willReturn(okJson(FakeStripe.intent(pi, "succeeded", 2500, "x"))));

        var orderId = pendingCheckout();
        clock.advance(Duration.ofMinutes(2));
        reconciliation.run();
        assertThat(Shop.orderStatus(jdbc, orderId)).isEqualTo("PAID");
        assertThat(jdbc.sql("select provider_payment_id from payments where reference = ?").param(orderId)
                .query(String.class).single()).isEqualTo(pi);
    }

    @Test
    void anOutcomeThatNeverComesExpiresTheOrderAndALateChargeIsPaidBack() throws Exception {
        stripe.stubFor(post("/v1/payment_intents").willReturn(aResponse().withStatus(500)));
        var orderId = pendingCheckout();

        clock.advance(Duration.ofMinutes(5));
        assertThat(reconciliation.run().stillPending()).isEqualTo(1);
        assertThat(Shop.stock(jdbc, product)).isEqualTo(2);

        clock.advance(Duration.ofMinutes(11));
        assertThat(reconciliation.run().expired()).isEqualTo(1);
        assertThat(Shop.orderStatus(jdbc, orderId)).isEqualTo("EXPIRED");
        assertThat(Shop.stock(jdbc, product)).isEqualTo(4);
        assertThat(Shop.unitsSold(jdbc, product)).isZero();

        // Stripe did charge after all, and says so: the money goes back, the stock stays released.
        var pi = piId();
        stripe.stubFor(post("/v1/refunds").willReturn(okJson("""
                {"id":"re_late","object":"refund","status":"succeeded","amount":2500}""")));
        signedWebhook(FakeStripe.event("evt_" + UUID.randomUUID(), "payment_intent.succeeded",
                FakeStripe.intent(pi, "succeeded", 2500, orderId))).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from order_refunds r join orders o on o.id = r.order_id where o.public_id = ?")
                .param(orderId).query(Integer.class).single() == 1);
        clock.advance(Duration.ofMinutes(2));
        assertThat(reconciliation.run().refundsSettled()).isEqualTo(1);
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
                .withRequestBody(containing("payment_intent=" + pi + "&amount=2500"))
                .withHeader("Idempotency-Key", matching("agora-refund-rf_.*")));
        assertThat(Shop.orderStatus(jdbc, orderId)).isEqualTo("EXPIRED");
        assertThat(Shop.stock(jdbc, product)).isEqualTo(4);
        assertThat(events.stream(OrderPaid.class).filter(e -> e.orderId().equals(orderId))).isEmpty();
    }

    @Test
    void aSignedWebhookPaysThePendingOrderOnceEvenWhenReplayed() throws Exception {
        stripe.stubFor(post("/v1/payment_intents").willReturn(aResponse().withStatus(503)));
        var orderId = pendingCheckout();
        var payload = FakeStripe.event("evt_" + UUID.randomUUID(), "payment_intent.succeeded",
                FakeStripe.intent(piId(), "succeeded", 2500, orderId));

        signedWebhook(payload).andExpect(status().isOk()).andExpect(jsonPath("$.received").value(true));
        await().atMost(Duration.ofSeconds(10)).until(() -> Shop.orderStatus(jdbc, orderId).equals("PAID"));
        signedWebhook(payload).andExpect(status().isOk());
        signedWebhook(payload).andExpect(status().isOk());

        Thread.sleep(300);
        assertThat(events.stream(OrderPaid.class).filter(e -> e.orderId().equals(orderId))).hasSize(1);
        assertThat(events.stream(PaymentSucceeded.class).filter(e -> e.reference().equals(orderId))).hasSize(1);
        assertThat(Shop.unitsSold(jdbc, product)).isEqualTo(2);
    }

    @Test
    void aFailedPaymentWebhookReleasesTheStock() throws Exception {
        stripe.stubFor(post("/v1/payment_intents").willReturn(aResponse().withStatus(500)));
        var orderId = pendingCheckout();
        var failed = """
                {"id":"%s","object":"payment_intent","status":"requires_payment_method","amount":2500,"currency":"eur",
                 "metadata":{"reference":"%s"},"last_payment_error":{"code":"card_declined","decline_code":"lost_card"}}"""
                .formatted(piId(), orderId);

        signedWebhook(FakeStripe.event("evt_" + UUID.randomUUID(), "payment_intent.payment_failed", failed))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).until(() -> Shop.orderStatus(jdbc, orderId).equals("PAYMENT_FAILED"));
        assertThat(Shop.stock(jdbc, product)).isEqualTo(4);
        assertThat(jdbc.sql("select failure_code from orders where public_id = ?").param(orderId).query(String.class)
                .single()).isEqualTo("lost_card");
    }

    @Test
    void refundsGoThroughStripeAndDashboardRefundsComeBackByWebhook() throws Exception {
        var pi = piId();
        stripe.stubFor(post("/v1/payment_intents").willReturn(okJson(FakeStripe.intent(pi, "succeeded", 2500, "x"))));
        stripe.stubFor(post("/v1/refunds").willReturn(okJson("""
                {"id":"re_1","object":"refund","status":"succeeded","amount":1000}""")));
        var body = checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String orderId = JsonPath.read(body, "$.order.id");

        mvc.perform(MockMvcRequestBuilders.post("/api/orders/" + orderId + "/refund")
                .header("Authorization", seller.authorization()).header("Idempotency-Key", "r1")
                .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":1000}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.order.refunded").value(1000));
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
                .withRequestBody(containing("payment_intent=" + pi + "&amount=1000")));

        // Stripe's webhook for that refund changes nothing; a further 500 refunded in the dashboard is recorded.
        var charge = """
                {"id":"ch_1","object":"charge","payment_intent":"%s","amount":2500,"amount_refunded":%d}""";
        signedWebhook(FakeStripe.event("evt_" + UUID.randomUUID(), "charge.refunded", charge.formatted(pi, 1000)))
                .andExpect(status().isOk());
        signedWebhook(FakeStripe.event("evt_" + UUID.randomUUID(), "charge.refunded", charge.formatted(pi, 1500)))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select refunded_amount from orders where public_id = ?").param(orderId).query(Long.class).single() == 1500);
        mvc.perform(MockMvcRequestBuilders.get("/api/orders/" + orderId).header("Authorization", buyer.authorization()))
                .andExpect(jsonPath("$.order.refunds.length()").value(2))
                .andExpect(jsonPath("$.order.refunds[1].reason").value("PROVIDER"));
    }

    @Test
    void refusesWebhooksThatAreUnsignedForgedOrStale() throws Exception {
        var payload = FakeStripe.event("evt_" + UUID.randomUUID(), "payment_intent.succeeded",
                FakeStripe.intent(piId(), "succeeded", 2500, "ord_unknown"));
        webhook(payload, null).andExpect(status().isBadRequest());
        webhook(payload, FakeStripe.signature(payload, clock.instant(), "whsec_wrong")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Stripe-Signature does not match the payload"));
        webhook(payload.replace("2500", "1"), FakeStripe.signature(payload, clock.instant(), FakeStripe.WEBHOOK_SECRET))
                .andExpect(status().isBadRequest());
        webhook(payload, FakeStripe.signature(payload, clock.instant().minus(Duration.ofMinutes(6)),
                FakeStripe.WEBHOOK_SECRET)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("tolerance")));
        webhook(payload, "t=abc,v1=00").andExpect(status().isBadRequest());
        webhook(payload, FakeStripe.signature(payload, clock.instant().minus(Duration.ofMinutes(4)),
                FakeStripe.WEBHOOK_SECRET)).andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.post("/api/payments/webhooks/paypal").contentType(MediaType.APPLICATION_JSON)
                .content(payload)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from payment_webhook_events where event_id = ?")
                .param(JsonPath.read(payload, "$.id")).query(Integer.class).single()).isEqualTo(1);
    }
}
