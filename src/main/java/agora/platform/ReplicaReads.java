package agora.platform;

import java.util.function.Supplier;

/**
 * Read-only work that the read replica may answer (docs/read-replica.md). Requests need none of this: a
 * {@code @Transactional(readOnly = true)} method goes to the replica unless the client's own latest write has not
 * reached it yet. Work outside requests that must see everything committed before some moment (a search rebuild
 * that has noted where the change log stood) takes the primary's {@link #position()} first and reads
 * {@link #after} it.
 */
public interface ReplicaReads {

    /** Where the primary stands now: whatever was committed before this call lies before it. */
    Position position();

    /**
     * Runs the work in a read-only transaction: on the replica if it serves reads and has replayed past the
     * position, on the primary otherwise.
     */
    <T> T after(Position position, Supplier<T> work);

    /** A point in the primary's write-ahead log; zero without a replica. */
    record Position(long wal) {
    }
}
