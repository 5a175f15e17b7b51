package agora.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class ChangeCursorTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static List<ChangeLog.Change> rows(long... ids) {
        return LongStream.of(ids).mapToObj(id -> new ChangeLog.Change(id, "s", id)).toList();
    }

    @Test
    void movesOverChangesAppliedInOrder() {
        var cursor = new ChangeCursor(0, Duration.ofSeconds(30));
        cursor.applied(cursor.unapplied(rows(1, 2, 3)), T);
        assertThat(cursor.position()).isEqualTo(3);
        assertThat(cursor.pendingAbove()).isZero();
    }

    @Test
    void waitsForAChangeThatCommitsLateAndAppliesItOnce() {
        var cursor = new ChangeCursor(0, Duration.ofSeconds(30));
        cursor.applied(cursor.unapplied(rows(1, 3, 4)), T); // 2 took its id first but has not committed yet
        assertThat(cursor.position()).isEqualTo(1);

        // the next poll reads from the position again: 3 and 4 are not applied twice, late 2 is applied
        var fresh = cursor.unapplied(rows(2, 3, 4, 5));
        assertThat(fresh).extracting(ChangeLog.Change::id).containsExactly(2L, 5L);
        cursor.applied(fresh, T.plusSeconds(1));
        assertThat(cursor.position()).isEqualTo(5);
        assertThat(cursor.pendingAbove()).isZero();
    }

    @Test
    void passesOverAGapThatNeverFillsAfterTheTimeout() {
        var cursor = new ChangeCursor(10, Duration.ofSeconds(30));
        cursor.applied(cursor.unapplied(rows(13, 14)), T); // 11 and 12 were rolled back
        cursor.advance(T.plusSeconds(29));
        assertThat(cursor.position()).isEqualTo(10);
        cursor.advance(T.plusSeconds(30));
        assertThat(cursor.position()).isEqualTo(14);
    }

    @Test
    void eachGapGetsItsOwnTimeout() {
        var cursor = new ChangeCursor(0, Duration.ofSeconds(30));
        cursor.applied(cursor.unapplied(rows(2, 4)), T);
        cursor.advance(T.plusSeconds(30));
        assertThat(cursor.position()).isEqualTo(2); // gap 1 given up; gap 3 is waited for from now on
        cursor.advance(T.plusSeconds(59));
        assertThat(cursor.position()).isEqualTo(2);
        cursor.advance(T.plusSeconds(60));
        assertThat(cursor.position()).isEqualTo(4);
    }

    @Test
    void ignoresRowsAtOrBelowItsPosition() {
        var cursor = new ChangeCursor(5, Duration.ofSeconds(30));
        assertThat(cursor.unapplied(rows(4, 5, 6))).extracting(ChangeLog.Change::id).containsExactly(6L);
    }
}
