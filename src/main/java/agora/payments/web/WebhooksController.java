package agora.payments.web;

import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import agora.payments.internal.StripeWebhooks;
import agora.platform.ApiException;

/** Where payment providers report outcomes ({@code /api/payments/webhooks/{provider}}). */
@RestController
class WebhooksController {

    private final StripeWebhooks stripe;

    WebhooksController(StripeWebhooks stripe) {
        this.stripe = stripe;
    }

    /** The raw bytes are what the signature covers, so the body is read unparsed. */
    @PostMapping("/api/payments/webhooks/{provider}")
    Map<String, Boolean> receive(@PathVariable String provider, @RequestBody byte[] payload,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        if (!provider.equals("stripe")) {
            throw ApiException.notFound("webhook endpoint");
        }
        stripe.receive(payload, signature);
        return Map.of("received", true);
    }
}
