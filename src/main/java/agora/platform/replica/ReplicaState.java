package agora.platform.replica;

import java.time.Duration;

/**
 * What the latest check of the replica found.
 *
 * @param replayed how far it had replayed the primary's WAL (as a byte position)
 * @param lag how far its replay was behind the primary
 * @param problem why it serves no reads; null when it serves them
 * @param checkedAtNanos when ({@link System#nanoTime()})
 */
record ReplicaState(long replayed, Duration lag, String problem, long checkedAtNanos) {

    static final String NOT_CHECKED = "not checked yet";

    static ReplicaState unchecked() {
        return new ReplicaState(0, Duration.ZERO, NOT_CHECKED, System.nanoTime());
    }

    boolean serves() {
        return problem == null;
    }
}
