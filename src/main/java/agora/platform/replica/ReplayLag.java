package agora.platform.replica;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the replica's replay is behind the primary, in time. Every check samples the primary's WAL position and
 * then the replica's replayed position: the replica is behind by the age of the oldest sampled position it has not
 * replayed yet, and not at all once it has replayed them all. So the lag is known to within one check interval,
 * on one clock (this node's), and, unlike {@code now() - pg_last_xact_replay_timestamp()}, does not grow while the
 * primary is idle.
 *
 * @param unreplayed sampled primary positions beyond the replica's, oldest first, positions increasing
 */
record ReplayLag(List<Sample> unreplayed) {

    /** Enough for ten minutes of checks a second; beyond, neighbours merge so that the lag errs on the long side. */
    static final int MAX_SAMPLES = 600;

    /** The primary's WAL position as seen at a moment ({@link System#nanoTime()}). */
    record Sample(long atNanos, long position) {
    }

    static ReplayLag none() {
        return new ReplayLag(List.of());
    }

    /** After a check at {@code atNanos}: the primary was at {@code primary}, then the replica at {@code replayed}. */
    ReplayLag observe(long atNanos, long primary, long replayed) {
        var samples = new ArrayList<>(unreplayed);
        if (!samples.isEmpty() && primary < samples.getLast().position()) {
            samples.clear(); // the primary went back (restored, or another one): earlier samples mean nothing now
        }
        if (samples.isEmpty() || primary > samples.getLast().position()) {
            samples.add(new Sample(atNanos, primary));
        }
        samples.removeIf(sample -> sample.position() <= replayed);
        if (samples.size() > MAX_SAMPLES) {
            // The older moment with the newer position: the replica counts as behind for longer, never for shorter.
            samples.set(1, new Sample(samples.get(1).atNanos(), samples.get(2).position()));
            samples.remove(2);
        }
        return new ReplayLag(List.copyOf(samples));
    }

    Duration at(long nowNanos) {
        return unreplayed.isEmpty() ? Duration.ZERO : Duration.ofNanos(nowNanos - unreplayed.getFirst().atNanos());
    }
}
