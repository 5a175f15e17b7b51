package agora.payments;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import agora.AgoraApplication;

/** Production names its payment provider: the simulated bank is never a silent default. */
class PaymentsConfigurationTest {

    static Throwable rootOf(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    void assertRefused(String[] args, String... messages) {
        var start = new SpringApplicationBuilder(AgoraApplication.class).profiles("prod").web(WebApplicationType.NONE);
        assertThatThrownBy(() -> start.run(args)).satisfies(e -> {
            var message = rootOf(e).getMessage();
            for (var expected : messages) {
                org.assertj.core.api.Assertions.assertThat(message).contains(expected);
            }
        });
    }

    static String[] prod(String... more) {
        // Every other setting production demands, so that only the payment provider is missing.
        var base = new String[] {"--agora.auth.jwt-secret=a-production-secret-that-is-long-enough-0123456789",
                "--agora.auth.two-factor.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--spring.mail.host=127.0.0.1",
                "--agora.auth.webauthn.rp-id=agora.example", "--agora.auth.webauthn.origins=https://agora.example",
                "--agora.notifications.unsubscribe.secret=a-production-unsubscribe-secret-long-enough-0123456789",
                "--spring.datasource.url=jdbc:h2:mem:prodpayments;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--logging.structured.format.console="};
        var all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void productionRefusesToStartWithoutAPaymentProvider() {
        assertRefused(prod(), "AGORA_PAYMENTS_PROVIDER");
    }
}
