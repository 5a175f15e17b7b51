package agora.social.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import agora.platform.ApiException;

class FeedCursorTest {

    static final Instant AT = Instant.parse("2026-01-01T12:00:00.123Z");

    @Test
    void roundTripsCompactly() {
        var ids = new ArrayList<Long>();
        for (long i = 0; i < 300; i++) {
            ids.add(1_000_000 - i * 37 % 5000);
        }
        var cursor = new FeedCursor(42, AT, 320, ids);
        var text = cursor.encode();
        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(text.length()).isLessThan(1300);
        assertThat(FeedCursor.decode(text, 42)).isEqualTo(cursor);
        var small = new FeedCursor(7, AT, 3, List.of(5L, 900L, 2L));
        assertThat(FeedCursor.decode(small.encode(), 7)).isEqualTo(small);
    }

    @Test
    void refusesAnotherReadersOrMalformedCursors() {
        var text = new FeedCursor(42, AT, 3, List.of(1L, 2L)).encode();
        assertThatThrownBy(() -> FeedCursor.decode(text, 43)).isInstanceOf(ApiException.class)
                .hasMessageContaining("cursor");
        for (var bad : List.of("", "not base64!", "AAAA", text.substring(0, text.length() - 1), text + "AA",
                "x".repeat(9000))) {
            assertThatThrownBy(() -> FeedCursor.decode(bad, 42)).as(bad).isInstanceOf(ApiException.class);
        }
    }
}
