package agora.payments;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.github.tomakehurst.wiremock.WireMockServer;

/** A fake Stripe on a random local port (WireMock), and Stripe's way of signing webhooks. */
final class FakeStripe {

    static final String API_KEY = "sk_test_agora";
    static final String WEBHOOK_SECRET = "whsec_test_agora";

    private FakeStripe() {
    }

    static WireMockServer start() {
        var server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    static void configure(DynamicPropertyRegistry registry, WireMockServer server) {
        registry.add("agora.payments.provider", () -> "stripe");
        registry.add("agora.payments.stripe.base-url", server::baseUrl);
        registry.add("agora.payments.stripe.api-key", () -> API_KEY);
        registry.add("agora.payments.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("agora.payments.timeout", () -> "700ms");
    }

    /** The Stripe-Signature header for a payload sent at {@code at}. */
    static String signature(String payload, Instant at, String secret) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var signed = mac.doFinal((at.getEpochSecond() + "." + payload).getBytes(StandardCharsets.UTF_8));
        return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(signed);
    }

    static String intent(String id, String status, long amount, String reference) {
        return """
                {"id":"%s","object":"payment_intent","status":"%s","amount":%d,"currency":"eur",
                 "payment_method":"pm_card_visa","metadata":{"reference":"%s"}}""".formatted(id, status, amount, reference);
    }

    static String event(String id, String type, String object) {
        return """
                {"id":"%s","object":"event","type":"%s","data":{"object":%s}}""".formatted(id, type, object);
    }
}
