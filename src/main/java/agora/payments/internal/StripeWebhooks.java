package agora.payments.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import agora.payments.ChargeRefunded;
import agora.payments.PaymentFailed;
import agora.payments.PaymentRequest;
import agora.payments.PaymentSucceeded;
import agora.platform.ApiException;
import agora.platform.Sql;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhooks: signature checked, each event handled once (Stripe delivers at least once), outcomes
 * published as events in the transaction that records them. Types other than the three below are
 * acknowledged and ignored.
 */
@Service
public class StripeWebhooks {

    private final boolean enabled;
    private final StripeSignature signature;
    private final PaymentRecords records;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    StripeWebhooks(PaymentsProperties properties, PaymentRecords records, JdbcClient jdbc, JsonMapper json,
            ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.enabled = "stripe".equals(properties.provider());
        this.signature = new StripeSignature(String.valueOf(properties.stripe().webhookSecret()),
                properties.stripe().webhookTolerance());
        this.records = records;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    public void receive(byte[] payload, String signatureHeader) {
        if (!enabled) {
            throw ApiException.notFound("webhook endpoint (Stripe is not the configured payment provider)");
        }
        var now = clock.instant();
        signature.problem(signatureHeader, payload, now).ifPresent(problem -> {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad-signature", problem, null, null);
        });
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (RuntimeException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed", "webhook payload is not JSON", null, null);
        }
        var id = StripeApi.text(event, "id");
        var type = StripeApi.text(event, "type");
        if (id == null || type == null || id.length() > 255 || type.length() > 100) {
            throw ApiException.invalid("body", "a Stripe event needs an id and a type");
        }
        transaction.executeWithoutResult(tx -> {
            var first = jdbc.sql("""
                    insert into payment_webhook_events (provider, event_id, event_type, received_at)
                    values ('stripe', ?, ?, ?)
                    on conflict do nothing""")
                    .params(id, type, Sql.timestamp(now)).update() == 1;
            if (first) {
                handle(type, event.path("data").path("object"));
            }
        });
    }

    private void handle(String type, JsonNode object) {
        var now = clock.instant();
        switch (type) {
            case "payment_intent.succeeded" -> paymentRequest(object).ifPresent(request -> {
                if (records.record(request, "stripe", StripeApi.text(object, "id"), PaymentRecords.Status.SUCCEEDED,
                        null, now)) {
                    events.publishEvent(new PaymentSucceeded(request.reference(), StripeApi.text(object, "id")));
                }
            });
            case "payment_intent.payment_failed" -> paymentRequest(object).ifPresent(request -> {
                var error = object.path("last_payment_error");
                var code = Objects.requireNonNullElse(StripeApi.text(error, "decline_code"),
                        Objects.requireNonNullElse(StripeApi.text(error, "code"), "payment_failed"));
                if (records.record(request, "stripe", StripeApi.text(object, "id"), PaymentRecords.Status.DECLINED,
                        code, now)) {
                    events.publishEvent(new PaymentFailed(request.reference(), code));
                }
            });
            case "charge.refunded" -> {
                var intent = StripeApi.text(object, "payment_intent");
                var refunded = object.path("amount_refunded").asLong(0);
                if (intent != null) {
                    records.findByProviderId(intent).ifPresent(payment -> {
                        if (records.refundedUpTo(payment.id(), refunded, now)) {
                            events.publishEvent(new ChargeRefunded(payment.reference(), refunded));
                        }
                    });
                }
            }
            default -> {
                // acknowledged, not needed
            }
        }
    }

    private static Optional<PaymentRequest> paymentRequest(JsonNode intent) {
        var reference = StripeApi.text(intent.path("metadata"), "reference");
        var currency = StripeApi.text(intent, "currency");
        if (reference == null || currency == null || StripeApi.text(intent, "id") == null) {
            return Optional.empty();
        }
        return Optional.of(new PaymentRequest(reference, intent.path("amount").asLong(0),
                currency.toUpperCase(Locale.ROOT), StripeApi.text(intent, "payment_method")));
    }
}
