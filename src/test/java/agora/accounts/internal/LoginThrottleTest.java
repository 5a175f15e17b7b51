package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    final LoginThrottle throttle = new LoginThrottle(Duration.ofMinutes(15), 5, 20, Duration.ofSeconds(30),
            Duration.ofMinutes(15));
    final Instant now = Instant.parse("2026-01-01T12:00:00Z");

    List<Instant> failures(int count, Instant latest) {
        var failures = new ArrayList<Instant>();
        for (int i = 0; i < count; i++) {
            failures.add(latest.minusSeconds(i));
        }
        return failures;
    }

    @Test
    void letsAttemptsThroughBelowTheThreshold() {
        assertThat(throttle.waitBeforeAttempt(failures(4, now), List.of(), false, now)).isEmpty();
    }

    @Test
    void holdsTheAccountBackFromTheThresholdOn() {
        assertThat(throttle.waitBeforeAttempt(failures(5, now), List.of(), false, now)).contains(Duration.ofSeconds(30));
    }

    @Test
    void theWaitDoublesWithEveryFurtherFailureUpToTheCap() {
        assertThat(throttle.waitBeforeAttempt(failures(6, now), List.of(), false, now)).contains(Duration.ofSeconds(60));
        assertThat(throttle.waitBeforeAttempt(failures(7, now), List.of(), false, now)).contains(Duration.ofSeconds(120));
        assertThat(throttle.waitBeforeAttempt(failures(30, now), List.of(), false, now)).contains(Duration.ofMinutes(15));
    }

    @Test
    void theWaitCountsFromTheLatestFailure() {
        var latest = now.minusSeconds(20);
        assertThat(throttle.waitBeforeAttempt(failures(5, latest), List.of(), false, now)).contains(Duration.ofSeconds(10));
        assertThat(throttle.waitBeforeAttempt(failures(5, now.minusSeconds(31)), List.of(), false, now)).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        var old = failures(10, now.minus(Duration.ofMinutes(16)));
        assertThat(throttle.waitBeforeAttempt(old, List.of(), false, now)).isEmpty();
    }

    @Test
    void aKnownClientIsNotHeldBackByTheAccountCount() {
        assertThat(throttle.waitBeforeAttempt(failures(10, now), List.of(), true, now)).isEmpty();
    }

    @Test
    void aClientWithManyFailuresIsHeldBackEvenIfKnown() {
        assertThat(throttle.waitBeforeAttempt(List.of(), failures(20, now), true, now)).contains(Duration.ofSeconds(30));
        assertThat(throttle.waitBeforeAttempt(List.of(), failures(19, now), false, now)).isEmpty();
    }
}
