package agora.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The opaque {@code cursor} of the security log: the id the next page starts below. */
public final class SecurityEventCursor {

    private static final String PREFIX = "s1:";

    private SecurityEventCursor() {
    }

    public static String of(long beforeId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + beforeId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id, or empty when the cursor is not one of ours. */
    public static Optional<Long> parse(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                return Optional.empty();
            }
            var id = Long.parseLong(text.substring(PREFIX.length()));
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
