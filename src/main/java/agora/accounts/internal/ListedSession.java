package agora.accounts.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A session as its owner sees it in their list.
 *
 * @param lastUsedAt when a request last used it, to within {@code last-use-interval}
 * @param clientAddress the address it was opened from (as the platform resolved it), null if not known
 */
public record ListedSession(UUID id, Instant createdAt, Instant lastUsedAt, String clientAddress, String userAgent) {
}
