package agora.accounts.internal;

import java.time.Instant;

/**
 * One entry of a user's security log.
 *
 * @param clientAddress the client's address as the platform resolved it (behind trusted proxies); null for what
 *        staff or the system did
 * @param twoFactor whether a second factor was used (sign-ins) or was wrong (failed attempts)
 */
public record SecurityEvent(long id, long userId, SecurityEventKind kind, Instant occurredAt, String clientAddress,
        String userAgent, boolean twoFactor, String detail) {

    static final int MAX_USER_AGENT = 256;
    static final int MAX_DETAIL = 200;
    static final int MAX_ADDRESS = 64;

    /** Client-supplied and other long text cut to what the table keeps. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        var end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
