package agora.search.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * Where an index stands in the change log. Change ids come from a sequence, so they are handed out in order
 * but may commit out of order: a reader can see 7 before 6 commits. The cursor therefore keeps a position
 * below which every id is applied, remembers the ids applied above it, and keeps reading from that position
 * until the gap fills; a gap that stays empty for {@code gapTimeout} was a rolled-back insert (or skipped
 * sequence values) and is passed over.
 */
final class ChangeCursor {

    private final Duration gapTimeout;
    private final TreeSet<Long> appliedAbove = new TreeSet<>();
    private long position;
    private Instant gapSince;

    ChangeCursor(long position, Duration gapTimeout) {
        this.position = position;
        this.gapTimeout = gapTimeout;
    }

    /** Every change id up to this one is applied; reading resumes after it. Persisted with the index. */
    long position() {
        return position;
    }

    /** The changes among {@code rows} (read after {@link #position()}) that were not applied yet. */
    List<ChangeLog.Change> unapplied(List<ChangeLog.Change> rows) {
        return rows.stream().filter(row -> row.id() > position && !appliedAbove.contains(row.id())).toList();
    }

    /** Marks these rows applied and moves the position over every closed (or abandoned) gap. */
    void applied(List<ChangeLog.Change> rows, Instant now) {
        rows.forEach(row -> {
            if (row.id() > position) {
                appliedAbove.add(row.id());
            }
        });
        advance(now);
    }

    /** Moves the position as far as it may; call at every poll, so abandoned gaps time out. */
    void advance(Instant now) {
        while (!appliedAbove.isEmpty()) {
            if (appliedAbove.first() == position + 1) {
                position = appliedAbove.pollFirst();
                gapSince = null;
            } else if (gapSince == null) {
                gapSince = now;
                return;
            } else if (!now.isBefore(gapSince.plus(gapTimeout))) {
                position = appliedAbove.pollFirst();
                gapSince = null;
            } else {
                return;
            }
        }
        gapSince = null;
    }

    /** Ids applied above the position: how much is re-read at each poll while a gap is open. */
    int pendingAbove() {
        return appliedAbove.size();
    }
}
