package agora.notifications.internal;

import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import agora.accounts.SignedInFromNewDevice;
import agora.accounts.UserContacts;

/**
 * The security email after a sign-in from a new device: when, from which address and browser, and a "this wasn't
 * me" link. The link opens a page of the web UI, which asks before it POSTs: a link scanner's GET changes nothing.
 */
@Component
class NewDeviceEmails {

    private final Mailroom mailroom;
    private final UserContacts contacts;
    private final String appUrl;

    NewDeviceEmails(Mailroom mailroom, UserContacts contacts, NotificationsProperties properties) {
        this.mailroom = mailroom;
        this.contacts = contacts;
        this.appUrl = properties.appUrl();
    }

    @ApplicationModuleListener
    void on(SignedInFromNewDevice event) {
        contacts.contactOf(event.userId()).ifPresent(user -> mailroom.post(new Email(
                "new-device:" + AccountEmails.sha256(event.notMeToken()), event.userId(), event.email(), "new-device",
                Map.of("username", user.username(), "when", AccountEmails.WHEN.format(event.signedInAt()),
                        "address", event.clientAddress() == null ? "an unknown address" : event.clientAddress(),
                        "userAgent", event.userAgent() == null ? "an unnamed browser or app" : event.userAgent(),
                        "link", appUrl + "/not-me?token=" + event.notMeToken(),
                        "expiresAt", AccountEmails.WHEN.format(event.notMeExpiresAt())),
                event.notMeExpiresAt())));
    }
}
