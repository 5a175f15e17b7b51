package agora.notifications.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import agora.accounts.UserContacts;
import agora.notifications.internal.NotificationType.EmailChoice;

/**
 * The "at once" email of a new notification, for the types its recipient wants that way. Recorded in the outbox by
 * the transaction that makes the notification, as the order confirmation is: the email exists exactly when the
 * notification does, with no event publication to store, claim and complete on the way (for a sale, that was a
 * tenth of a checkout's statements). A failure here rolls the notification back with it, to be made again: a
 * listener's event is handed over again, a pending order is finalized again by the webhook or reconciliation. An
 * aggregated update ({@code fresh == false}: a second like on the same post) sends nothing more.
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

    @EventListener
    void on(NotificationChanged event) {
        if (!event.mayBeEmailed() || preferences.of(event.recipientId()).choice(event.type()) != EmailChoice.AT_ONCE) {
            return;
        }
        var notification = inbox.find(event.recipientId(), event.notificationId());
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
