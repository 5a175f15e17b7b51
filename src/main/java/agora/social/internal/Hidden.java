package agora.social.internal;

import java.time.Instant;

/** Why and since when a moderator hid a post or a comment; shown to its author only. */
public record Hidden(String reason, Instant at) {
}
