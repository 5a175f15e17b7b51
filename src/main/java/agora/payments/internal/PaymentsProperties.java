package agora.payments.internal;

import java.time.Duration;
import java.util.ArrayList;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param provider {@code sandbox} (simulated bank) or {@code stripe}; production must name it
 * @param timeout how long a call to the provider may take before its outcome counts as unknown
 * @param sandbox the simulated bank's settings
 * @param stripe Stripe's endpoint and secrets; required when the provider is {@code stripe}
 */
@ConfigurationProperties("agora.payments")
record PaymentsProperties(String provider, Duration timeout, Sandbox sandbox, Stripe stripe) {

    /** @param latency how long the simulated bank takes per call (zero for benchmarks) */
    record Sandbox(Duration latency) {
    }

    /**
     * @param baseUrl Stripe's API, e.g. https://api.stripe.com
     * @param apiKey the secret key ({@code sk_...})
     * @param webhookSecret the endpoint's signing secret ({@code whsec_...})
     * @param webhookTolerance how old a signed webhook may be
     */
    record Stripe(String baseUrl, String apiKey, String webhookSecret, Duration webhookTolerance) {
    }

    PaymentsProperties {
        if (timeout == null) {
            timeout = Duration.ofSeconds(10);
        }
        if (sandbox == null || sandbox.latency() == null) {
            sandbox = new Sandbox(Duration.ZERO);
        }
        if (stripe == null) {
            stripe = new Stripe(null, null, null, null);
        }
        if (stripe.webhookTolerance() == null) {
            stripe = new Stripe(stripe.baseUrl(), stripe.apiKey(), stripe.webhookSecret(), Duration.ofMinutes(5));
        }
        var problems = new ArrayList<String>();
        if (!"sandbox".equals(provider) && !"stripe".equals(provider)) {
            problems.add("AGORA_PAYMENTS_PROVIDER must be 'sandbox' or 'stripe' (was " + provider + ")");
        }
        if ("stripe".equals(provider)) {
            if (blank(stripe.baseUrl())) {
                problems.add("AGORA_PAYMENTS_STRIPE_BASE_URL must be set, e.g. https://api.stripe.com");
            }
            if (blank(stripe.apiKey())) {
                problems.add("AGORA_PAYMENTS_STRIPE_API_KEY must be set to the secret key (sk_...)");
            }
            if (blank(stripe.webhookSecret())) {
                problems.add("AGORA_PAYMENTS_STRIPE_WEBHOOK_SECRET must be set to the webhook signing secret (whsec_...)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Payments are not configured:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
