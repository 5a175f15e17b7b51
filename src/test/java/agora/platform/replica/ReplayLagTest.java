package agora.platform.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReplayLagTest {

    static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void aReplicaThatHasReplayedWhatThePrimaryHadIsNotBehind() {
        var lag = ReplayLag.none().observe(0, 100, 100);
        assertThat(lag.at(0)).isZero();
        assertThat(lag.unreplayed()).isEmpty();
    }

    @Test
    void anIdlePrimaryDoesNotMakeTheReplicaLag() {
        var lag = ReplayLag.none();
        for (var second = 0; second < 60; second++) {
            lag = lag.observe(second * SECOND, 100, 100);
        }
        assertThat(lag.at(60 * SECOND)).isZero();
    }

    @Test
    void theReplicaIsBehindByTheAgeOfTheOldestPositionItHasNotReplayed() {
        var lag = ReplayLag.none().observe(0, 100, 100)
                .observe(SECOND, 200, 100)          // behind since this check
                .observe(2 * SECOND, 300, 150)
                .observe(3 * SECOND, 300, 150);     // the primary idles: the oldest unreplayed sample stays
        assertThat(lag.at(3 * SECOND)).isEqualTo(Duration.ofSeconds(2));
        lag = lag.observe(4 * SECOND, 300, 200);    // replayed the first: behind since the second
        assertThat(lag.at(4 * SECOND)).isEqualTo(Duration.ofSeconds(2));
        lag = lag.observe(5 * SECOND, 300, 300);
        assertThat(lag.at(5 * SECOND)).isZero();
    }

    @Test
    void samplesStayBoundedAndErrTowardsMoreLag() {
        var lag = ReplayLag.none();
        for (var check = 1; check <= ReplayLag.MAX_SAMPLES * 3; check++) {
            lag = lag.observe(check * SECOND, check * 10L, 0);
        }
        assertThat(lag.unreplayed()).hasSize(ReplayLag.MAX_SAMPLES);
        assertThat(lag.at(ReplayLag.MAX_SAMPLES * 3 * SECOND))
                .isEqualTo(Duration.ofSeconds(ReplayLag.MAX_SAMPLES * 3 - 1));
        // Having replayed up to the 1,000th check's position, the replica counts as behind since no later than then.
        lag = lag.observe((ReplayLag.MAX_SAMPLES * 3 + 1) * SECOND, ReplayLag.MAX_SAMPLES * 30L, 10_000);
        assertThat(lag.at((ReplayLag.MAX_SAMPLES * 3 + 1) * SECOND)).isGreaterThanOrEqualTo(
                Duration.ofSeconds(ReplayLag.MAX_SAMPLES * 3 + 1 - 1_001));
    }

    @Test
    void aPrimaryThatWentBackStartsAfresh() {
        var lag = ReplayLag.none().observe(0, 500, 100).observe(SECOND, 50, 40);
        assertThat(lag.unreplayed()).containsExactly(new ReplayLag.Sample(SECOND, 50));
        assertThat(lag.at(2 * SECOND)).isEqualTo(Duration.ofSeconds(1));
    }
}
