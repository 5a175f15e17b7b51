package agora.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PaymentsPropertiesTest {

    @Test
    void stripeNeedsItsEndpointKeyAndWebhookSecret() {
        assertThatThrownBy(() -> new PaymentsProperties("stripe", null, null, new PaymentsProperties.Stripe(" ", null, "", null)))
                .hasMessageContaining("AGORA_PAYMENTS_STRIPE_BASE_URL")
                .hasMessageContaining("AGORA_PAYMENTS_STRIPE_API_KEY")
                .hasMessageContaining("AGORA_PAYMENTS_STRIPE_WEBHOOK_SECRET");
    }

    @Test
    void theProviderMustBeOneWeHave() {
        assertThatThrownBy(() -> new PaymentsProperties(null, null, null, null)).hasMessageContaining("AGORA_PAYMENTS_PROVIDER");
        assertThatThrownBy(() -> new PaymentsProperties("paypal", null, null, null)).hasMessageContaining("paypal");
    }

    @Test
    void theSandboxNeedsNothingAndDefaultsAreSane() {
        var sandbox = new PaymentsProperties("sandbox", null, null, null);
        assertThat(sandbox.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(sandbox.sandbox().latency()).isZero();
        assertThat(sandbox.stripe().webhookTolerance()).isEqualTo(Duration.ofMinutes(5));
    }
}
