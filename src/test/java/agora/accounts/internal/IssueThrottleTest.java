package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class IssueThrottleTest {

    final IssueThrottle throttle = new IssueThrottle(Duration.ofSeconds(60), 3, Duration.ofHours(1));
    final Instant now = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void theFirstIsFree() {
        assertThat(throttle.waitBeforeIssuing(List.of(), now)).isEmpty();
    }

    @Test
    void waitsTheMinimumIntervalAfterTheLatest() {
        assertThat(throttle.waitBeforeIssuing(List.of(now.minusSeconds(20)), now)).hasValue(Duration.ofSeconds(40));
        assertThat(throttle.waitBeforeIssuing(List.of(now.minusSeconds(60)), now)).isEmpty();
    }

    @Test
    void aFullWindowWaitsUntilItsOldestLeaves() {
        var issued = List.of(now.minusSeconds(3000), now.minusSeconds(2000), now.minusSeconds(1000));
        assertThat(throttle.waitBeforeIssuing(issued, now)).hasValue(Duration.ofSeconds(600));
        assertThat(throttle.waitBeforeIssuing(issued, now.plusSeconds(600))).isEmpty();
    }
}
