package agora.notifications.internal;

import java.time.Instant;
import java.util.Map;

/**
 * An email to be sent: which template, filled with what, to whom.
 *
 * @param key identifies the email among all others, derived from what caused it (e.g. the event), so that
 *        handling the same event twice records one email
 * @param userId the user it concerns (its outbox entries go when the account is deleted), or null
 * @param discardAfter when the content becomes useless (e.g. the link inside expires): undelivered by then,
 *        the email is not sent at all; null for never
 * @param headers extra header fields, e.g. {@code List-Unsubscribe} on the emails a user may turn off
 */
public record Email(String key, Long userId, String to, String template, Map<String, Object> model,
        Instant discardAfter, Map<String, String> headers) {

    /** An email with no extra header fields: the essential ones (account, order confirmation). */
    public Email(String key, Long userId, String to, String template, Map<String, Object> model,
            Instant discardAfter) {
        this(key, userId, to, template, model, discardAfter, Map.of());
    }

    @Override
    public String toString() {
        return "Email[key=" + key + ", userId=" + userId + ", template=" + template + "]";
    }
}
