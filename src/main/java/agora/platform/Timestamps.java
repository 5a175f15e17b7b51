package agora.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How every response writes a point in time: ISO-8601 in UTC, always with milliseconds
 * ({@code 2026-11-27T13:05:10.123Z}), whatever precision the database keeps. RealWorld clients expect a fraction.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The instant as responses write it; null stays null. */
    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }
}
