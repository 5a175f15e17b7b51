package agora.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.accounts.UserContacts;
import agora.notifications.internal.NotificationType.EmailChoice;
import agora.platform.ApiException;

/**
 * RFC 8058 one-click unsubscribe for the emails a user may turn off (notifications at once, the digest; never the
 * account emails or the order confirmation): the signed link and its header fields, and using a link, which sets
 * that email to "never" without signing in. A used link changes nothing again, so a user who turned the email
 * back on keeps it on when an old link is replayed.
 */
@Service
class OneClickUnsubscribe {

    static final String PATH = "/api/notifications/unsubscribe";

    /** What using a link did: {@code turnedOff} lists the types now "never" (empty when the link was used before). */
    record Outcome(boolean replayed, List<NotificationType> turnedOff) {
    }

    private final byte[] secret;
    private final String appUrl;
    private final EmailPreferences preferences;
    private final UsedUnsubscribeLinks used;
    private final UserContacts contacts;
    private final Clock clock;

    OneClickUnsubscribe(UnsubscribeProperties properties, NotificationsProperties notifications,
            EmailPreferences preferences, UsedUnsubscribeLinks used, UserContacts contacts, Clock clock) {
        var secret = properties.secret() == null ? new byte[0] : properties.secret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < UnsubscribeLink.MIN_SECRET_BYTES) {
            throw new IllegalStateException("AGORA_NOTIFICATIONS_UNSUBSCRIBE_SECRET (agora.notifications.unsubscribe."
                    + "secret) must be a secret of at least " + UnsubscribeLink.MIN_SECRET_BYTES
                    + " bytes, e.g. the output of `openssl rand -base64 48`");
        }
        this.secret = secret;
        this.appUrl = notifications.appUrl();
        this.preferences = preferences;
        this.used = used;
        this.contacts = contacts;
        this.clock = clock;
    }

    /**
     * The header fields for an email that {@code topic} (a type's API name, or {@code digest}) stands for, with a
     * link of its own.
     */
    Map<String, String> headers(long userId, String topic) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("List-Unsubscribe", "<" + url(userId, topic) + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    /** The link in an email's {@code List-Unsubscribe} header, e.g. to show it in the email's footer too. */
    static String url(Map<String, String> headers) {
        var field = headers.get("List-Unsubscribe");
        return field.substring(1, field.length() - 1);
    }

    /** The link's user and topic, for the page that asks to confirm; 400 for a forged or damaged link. */
    UnsubscribeLink check(String token) {
        var link = UnsubscribeLink.verify(token, secret).filter(l -> l.topic().equals(UnsubscribeLink.DIGEST)
                || ApiNames.type(l.topic()) != null)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "invalid-link",
                        "this unsubscribe link is not valid", Map.of("token", List.of("is not a valid link")), null));
        if (contacts.contactOf(link.userId()).isEmpty()) {
            throw ApiException.notFound("account");
        }
        return link;
    }

    @Transactional
    Outcome unsubscribe(String token) {
        var link = check(token);
        if (!used.use(link, clock.instant())) {
            return new Outcome(true, List.of());
        }
        var types = link.topic().equals(UnsubscribeLink.DIGEST)
                ? preferences.of(link.userId()).typesBy(EmailChoice.DAILY)
                : Set.of(ApiNames.type(link.topic()));
        types.forEach(type -> preferences.choose(link.userId(), type, EmailChoice.NEVER));
        return new Outcome(false, types.stream().sorted().toList());
    }

    private String url(long userId, String topic) {
        var link = new UnsubscribeLink(userId, topic, UUID.randomUUID().toString().replace("-", ""));
        return appUrl + PATH + "?token=" + link.token(secret);
    }
}
