package agora.platform.limits;

import java.time.Clock;

import io.github.bucket4j.TimeMeter;

/**
 * Bucket4j's time from the application's {@link Clock}: wall-clock time, which nodes sharing buckets in Redis
 * agree on (nanoTime means nothing across processes), and which tests can move.
 */
record ClockTimeMeter(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        var now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
