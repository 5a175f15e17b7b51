package agora.notifications.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import agora.accounts.UserContacts;
import agora.notifications.internal.NotificationType.EmailChoice;

/**
 * The "at once" email of a new notification, for the types its recipient wants that way. Runs after the
 * notification commits, from the event publication registry, so a crash in between still sends it (the sweep hands
 * the event over again) and the email key makes that harmless. An aggregated update ({@code fresh == false}: a
 * second like on the same post) sends nothing more, and neither does a notification that is gone or read by then.
 * <p>
 * {@code ORDER_PAID} never gets one: the buyer's order confirmation, an essential email sent whatever the settings,
 * is that email. Its setting only decides whether paid orders are listed in the daily digest.
 */
@Component
class NotificationEmails {

    static final String TEMPLATE = "notification";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Inbox inbox;
    private final EmailPreferences preferences;
    private final UserContacts contacts;
    private final OneClickUnsubscribe unsubscribe;
    private final Mailroom mailroom;
    private final String appUrl;

    NotificationEmails(Inbox inbox, EmailPreferences preferences, UserContacts contacts,
            OneClickUnsubscribe unsubscribe, Mailroom mailroom, NotificationsProperties properties) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.contacts = contacts;
        this.unsubscribe = unsubscribe;
        this.mailroom = mailroom;
        this.appUrl = properties.appUrl();
    }

    /**
     * The condition keeps the event publication registry from storing, and later completing, a publication of each
     * change that is never emailed: a paid order's notification, a like joining an earlier one. The method checks
     * again for a publication stored before it had the condition and handed over again.
     */
    @ApplicationModuleListener(condition = "#event.mayBeEmailed()")
    void on(NotificationChanged event) {
        if (!event.mayBeEmailed() || preferences.of(event.recipientId()).choice(event.type()) != EmailChoice.AT_ONCE) {
            return;
        }
        var notification = inbox.find(event.recipientId(), event.notificationId()).filter(n -> !n.read());
        var recipient = contacts.contactOf(event.recipientId());
        if (notification.isEmpty() || recipient.isEmpty()) {
            return;
        }
        var n = notification.get();
        var headers = unsubscribe.headers(event.recipientId(), ApiNames.of(n.type()));
        mailroom.post(new Email(TEMPLATE + ":" + n.id(), event.recipientId(), recipient.get().email(), TEMPLATE,
                Map.of("username", recipient.get().username(), "subject", DigestItem.oneLine(n.text()),
                        "text", n.text(), "when", WHEN.format(n.createdAt()), "link", SubjectLinks.of(appUrl, n),
                        "unsubscribe", OneClickUnsubscribe.url(headers)),
                null, headers));
    }
}
