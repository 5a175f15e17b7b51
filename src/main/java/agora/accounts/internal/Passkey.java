package agora.accounts.internal;

import java.time.Instant;
import java.util.List;

/**
 * A passkey as its owner sees it.
 *
 * @param id the credential id, base64url: public (browsers are handed it), and what the endpoints name a passkey by
 * @param lastUsedAt null until it signs in or re-confirms once
 */
public record Passkey(String id, String name, List<String> transports, Instant createdAt, Instant lastUsedAt) {

    /** The longest name a user may give a passkey. */
    public static final int MAX_NAME = 60;

    /** Passkeys per account, so that the list stays small and bounded. */
    public static final int MAX_PER_USER = 20;
}
