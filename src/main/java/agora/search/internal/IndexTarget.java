package agora.search.internal;

import java.time.Instant;

/**
 * An index being kept current from the change log, with its cursor. Used by one thread at a time: the sync
 * thread for the live index, the rebuild thread for a new one until it is handed over.
 */
final class IndexTarget {

    final IndexHandle handle;
    final ChangeCursor cursor;
    boolean dirty;
    long committedPosition;
    Instant committedAt = Instant.EPOCH;

    IndexTarget(IndexHandle handle, ChangeCursor cursor) {
        this.handle = handle;
        this.cursor = cursor;
        this.committedPosition = cursor.position();
    }
}
