package agora.payments.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import agora.payments.PaymentRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's REST API: PaymentIntents created and confirmed in one form-encoded call under an
 * {@code Idempotency-Key}, retrieved for reconciliation, and refunds. Card errors (402) and invalid requests
 * are definite declines; timeouts, 409 (the same key still in flight), 429 and 5xx leave the outcome unknown.
 */
class StripeApi implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(StripeApi.class);

    private final HttpClient http;
    private final URI baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final JsonMapper json;

    StripeApi(PaymentsProperties.Stripe config, Duration timeout, JsonMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.baseUrl = URI.create(config.baseUrl().endsWith("/") ? config.baseUrl() : config.baseUrl() + "/");
        this.apiKey = config.apiKey();
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public ProviderCharge charge(String idempotencyKey, PaymentRequest request) {
        var form = new LinkedHashMap<String, String>();
        form.put("amount", Long.toString(request.amount()));
        form.put("currency", request.currency().toLowerCase(Locale.ROOT));
        form.put("payment_method", request.paymentMethod());
        form.put("confirm", "true");
        form.put("automatic_payment_methods[enabled]", "true");
        form.put("automatic_payment_methods[allow_redirects]", "never");
        form.put("metadata[reference]", request.reference());
        var response = send(post("v1/payment_intents", form, idempotencyKey));
        if (response.statusCode() == 200) {
            return intent(read(response));
        }
        var error = read(response).path("error");
        if (response.statusCode() == 402 || (response.statusCode() == 400 && isDefiniteRefusal(error))) {
            var code = firstText(error, "decline_code", "code");
            return new ProviderCharge(text(error.path("payment_intent"), "id"), ProviderCharge.Status.DECLINED,
                    code == null ? "declined" : code);
        }
        throw unavailable("create PaymentIntent", response);
    }

    @Override
    public ProviderCharge retrieve(String providerPaymentId) {
        var request = HttpRequest.newBuilder(baseUrl.resolve("v1/payment_intents/" + encode(providerPaymentId)))
                .timeout(timeout).header("Authorization", "Bearer " + apiKey).GET().build();
        var response = send(request);
        if (response.statusCode() == 200) {
            return intent(read(response));
        }
        throw unavailable("retrieve PaymentIntent", response);
    }

    @Override
    public ProviderRefund refund(String idempotencyKey, String providerPaymentId, long amount) {
        var form = new LinkedHashMap<String, String>();
        form.put("payment_intent", providerPaymentId);
        form.put("amount", Long.toString(amount));
        var response = send(post("v1/refunds", form, idempotencyKey));
        if (response.statusCode() == 200) {
            var refund = read(response);
            var status = switch (String.valueOf(text(refund, "status"))) {
                case "succeeded" -> ProviderRefund.Status.SUCCEEDED;
                case "failed", "canceled" -> ProviderRefund.Status.FAILED;
                default -> ProviderRefund.Status.PENDING;
            };
            return new ProviderRefund(text(refund, "id"), status, text(refund, "failure_reason"));
        }
        var error = read(response).path("error");
        if (response.statusCode() == 400 && isDefiniteRefusal(error)) {
            var code = text(error, "code");
            return new ProviderRefund(null, ProviderRefund.Status.FAILED, code == null ? "refused" : code);
        }
        throw unavailable("create Refund", response);
    }

    private static ProviderCharge intent(JsonNode intent) {
        var id = text(intent, "id");
        return switch (String.valueOf(text(intent, "status"))) {
            case "succeeded" -> new ProviderCharge(id, ProviderCharge.Status.SUCCEEDED, null);
            case "requires_payment_method", "canceled" -> {
                var code = firstText(intent.path("last_payment_error"), "decline_code", "code");
                yield new ProviderCharge(id, ProviderCharge.Status.DECLINED, code == null ? "declined" : code);
            }
            default -> new ProviderCharge(id, ProviderCharge.Status.PROCESSING, null);
        };
    }

    /** A 400 that says no money moved; an idempotency error is our mistake and decides nothing. */
    private static boolean isDefiniteRefusal(JsonNode error) {
        var type = text(error, "type");
        return type != null && !"idempotency_error".equals(type);
    }

    private HttpRequest post(String path, Map<String, String> form, String idempotencyKey) {
        var body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProviderUnavailable("Stripe did not answer within " + timeout, e);
        } catch (IOException e) {
            throw new ProviderUnavailable("Stripe could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while calling Stripe", e);
        }
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new ProviderUnavailable("Stripe answered " + response.statusCode() + " with a body that is not JSON", e);
        }
    }

    private static ProviderUnavailable unavailable(String what, HttpResponse<String> response) {
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            log.error("Stripe refused our API key ({}) on {}: check AGORA_PAYMENTS_STRIPE_API_KEY",
                    response.statusCode(), what);
        }
        return new ProviderUnavailable("Stripe answered " + response.statusCode() + " to " + what);
    }

    static String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (var field : fields) {
            var value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
