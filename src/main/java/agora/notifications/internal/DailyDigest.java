package agora.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.UserContacts;
import agora.notifications.internal.NotificationType.EmailChoice;

/**
 * The daily digest: one email per user and day at most, listing their unread notifications of the types they want
 * daily, newest first, changed since their previous digest (the last 24 hours before the first one, a week at most).
 * Every node may run the job: a user's digest of the day is claimed by a unique row in the transaction that records
 * the email, so two nodes never both send it, and a crash sends it on the next run that day.
 */
@Component
class DailyDigest {

    static final String TEMPLATE = "notification-digest";
    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
    private static final Duration FIRST = Duration.ofDays(1);
    private static final Duration LOOKBACK = Duration.ofDays(7);
    /** More than a user keeps (agora.notifications retention): the rest of the list is only counted. */
    private static final int SCAN = 5_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Inbox inbox;
    private final DigestLog digests;
    private final EmailPreferences preferences;
    private final UserContacts contacts;
    private final OneClickUnsubscribe unsubscribe;
    private final Mailroom mailroom;
    private final TransactionTemplate transactions;
    private final DigestProperties properties;
    private final String appUrl;
    private final Clock clock;

    DailyDigest(Inbox inbox, DigestLog digests, EmailPreferences preferences, UserContacts contacts,
            OneClickUnsubscribe unsubscribe, Mailroom mailroom, TransactionTemplate transactions,
            DigestProperties properties, NotificationsProperties notifications, Clock clock) {
        this.inbox = inbox;
        this.digests = digests;
        this.preferences = preferences;
        this.contacts = contacts;
        this.unsubscribe = unsubscribe;
        this.mailroom = mailroom;
        this.transactions = transactions;
        this.properties = properties;
        this.appUrl = notifications.appUrl();
        this.clock = clock;
    }

    @Scheduled(cron = "${agora.notifications.digest.cron}", zone = "${agora.notifications.digest.zone}")
    void scheduled() {
        var sent = run();
        log.info("Daily digest: {} email(s) recorded", sent);
    }

    /** Sends today's digests that are due, each in its own transaction; answers how many. */
    int run() {
        var now = clock.instant();
        var day = LocalDate.ofInstant(now, ZoneId.of(properties.zone()));
        var sent = 0;
        for (var userId : digests.recipientsWithUnreadSince(now.minus(LOOKBACK))) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(tx -> send(userId, day, now)))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.error("Digest for user {} not recorded; the next run today tries again", userId, e);
            }
        }
        return sent;
    }

    private boolean send(long userId, LocalDate day, Instant now) {
        if (digests.sentOn(userId, day)) {
            return false;
        }
        var types = preferences.of(userId).typesBy(EmailChoice.DAILY);
        var recipient = contacts.contactOf(userId);
        if (types.isEmpty() || recipient.isEmpty()) {
            return false;
        }
        var since = digests.lastSentAt(userId).map(last -> later(last, now.minus(LOOKBACK)))
                .orElse(now.minus(FIRST));
        var unread = inbox.unreadSince(userId, since, types, SCAN);
        if (unread.isEmpty() || !digests.claim(userId, day, now)) {
            return false;
        }
        var items = unread.stream().limit(properties.maxItems()).map(n -> new DigestItem(DigestItem.oneLine(n.text()),
                SubjectLinks.of(appUrl, n), WHEN.format(n.updatedAt()))).toList();
        var headers = unsubscribe.headers(userId, UnsubscribeLink.DIGEST);
        mailroom.post(new Email(TEMPLATE + ":" + userId + ":" + day, userId, recipient.get().email(), TEMPLATE,
                Map.of("username", recipient.get().username(), "count", unread.size(), "items", items,
                        "more", unread.size() - items.size(), "unsubscribe", OneClickUnsubscribe.url(headers)),
                null, headers));
        return true;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
