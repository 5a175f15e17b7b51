package agora.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The opaque {@code cursor} of the notification list: the position the next page starts below. */
public final class NotificationCursor {

    private static final String PREFIX = "n1:";

    private NotificationCursor() {
    }

    public static String of(long beforePosition) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + beforePosition).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position, or empty when the cursor is not one of ours. */
    public static Optional<Long> parse(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                return Optional.empty();
            }
            var position = Long.parseLong(text.substring(PREFIX.length()));
            return position > 0 ? Optional.of(position) : Optional.empty();
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
