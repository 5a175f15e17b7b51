package agora.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.ConsumptionProbe;

import agora.platform.RateLimit;

class VerdictTest {

    static final RateLimitProperties.Quota QUOTA = new RateLimitProperties.Quota(60, Duration.ofMinutes(5));

    @Test
    void anAllowedRequestTellsTheQuotaWhatIsLeftAndWhenTheBucketIsFullAgain() {
        var verdict = Verdict.of(RateLimit.WRITES, QUOTA, ConsumptionProbe.consumed(42, Duration.ofMillis(90_001).toNanos()));
        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.policyHeader()).isEqualTo("\"writes\";q=60;w=300");
        assertThat(verdict.stateHeader()).isEqualTo("\"writes\";r=42;t=91");
    }

    @Test
    void aRefusedRequestSaysWhenTheNextOneIsAllowed() {
        var verdict = Verdict.of(RateLimit.SIGN_UP, new RateLimitProperties.Quota(10, Duration.ofHours(1)),
                ConsumptionProbe.rejected(0, Duration.ofSeconds(359).plusMillis(2).toNanos(), Duration.ofHours(1).toNanos()));
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.retryAfter()).isEqualTo(Duration.ofSeconds(360));
        assertThat(verdict.stateHeader()).isEqualTo("\"sign-up\";r=0;t=3600");
        var exceeded = verdict.exceeded();
        assertThat(exceeded.status().value()).isEqualTo(429);
        assertThat(exceeded.retryAfter()).isEqualTo(Duration.ofSeconds(360));
        assertThat(exceeded.getMessage()).isEqualTo("too many requests (sign-up): at most 10 per 3600 seconds; try again in 360 seconds");
        assertThat(exceeded.policyHeader()).isEqualTo("\"sign-up\";q=10;w=3600");
    }

    @Test
    void retryAfterIsNeverZero() {
        var verdict = Verdict.of(RateLimit.SEARCH, QUOTA, ConsumptionProbe.rejected(0, 1, 1));
        assertThat(verdict.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }
}
