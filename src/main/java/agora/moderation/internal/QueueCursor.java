package agora.moderation.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code cursor} of the report queue: the last subject of a page (its sort time, kind and id), which
 * the next page starts after.
 */
public record QueueCursor(Instant at, SubjectKind kind, String subjectId) {

    private static final String PREFIX = "q1:";

    public String encode() {
        var text = PREFIX + at.getEpochSecond() + ":" + at.getNano() + ":" + kind.wire() + ":" + subjectId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or empty when it is not one of ours. */
    public static Optional<QueueCursor> parse(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                return Optional.empty();
            }
            var parts = text.substring(PREFIX.length()).split(":", 4);
            if (parts.length != 4) {
                return Optional.empty();
            }
            var at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return SubjectKind.parse(parts[2]).map(kind -> new QueueCursor(at, kind, parts[3]));
        } catch (IllegalArgumentException | DateTimeException notOurs) {
            return Optional.empty();
        }
    }
}
