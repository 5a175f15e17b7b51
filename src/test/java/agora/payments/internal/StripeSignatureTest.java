package agora.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class StripeSignatureTest {

    final StripeSignature signature = new StripeSignature("whsec_unit", Duration.ofMinutes(5));
    final byte[] payload = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
    final Instant now = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void acceptsItsOwnSignatureAndAnyMatchingV1WhileSecretsRoll() {
        var header = signature.header(now.getEpochSecond(), payload);
        assertThat(signature.problem(header, payload, now)).isEmpty();
        var rolled = "t=" + now.getEpochSecond() + ",v1=" + "ab".repeat(32) + "," + header.substring(header.indexOf("v1="));
        assertThat(signature.problem(rolled, payload, now)).isEmpty();
    }

    @Test
    void refusesOtherPayloadsSecretsAndTimes() {
        var header = signature.header(now.getEpochSecond(), payload);
        assertThat(signature.problem(header, "{}".getBytes(StandardCharsets.UTF_8), now)).isPresent();
        assertThat(new StripeSignature("whsec_other", Duration.ofMinutes(5)).problem(header, payload, now)).isPresent();
        assertThat(signature.problem(header, payload, now.plusSeconds(301))).contains(
                "Stripe-Signature timestamp is outside the tolerance of PT5M");
        assertThat(signature.problem(header, payload, now.minusSeconds(301))).isPresent();
        assertThat(signature.problem(header, payload, now.plusSeconds(299))).isEmpty();
        assertThat(signature.problem(null, payload, now)).isPresent();
        assertThat(signature.problem("v1=abc", payload, now)).isPresent();
        assertThat(signature.problem("t=1,v0=" + "00".repeat(32), payload, now)).isPresent();
    }
}
