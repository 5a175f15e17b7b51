package agora.notifications.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import agora.accounts.UserDeleted;

/** A deleted account's email settings, digest log and used unsubscribe links go with it. */
@Component
class NotificationEmailErasure {

    private final EmailPreferences preferences;
    private final DigestLog digests;
    private final UsedUnsubscribeLinks links;

    NotificationEmailErasure(EmailPreferences preferences, DigestLog digests, UsedUnsubscribeLinks links) {
        this.preferences = preferences;
        this.digests = digests;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(UserDeleted event) {
        preferences.deleteAllOf(event.userId());
        digests.deleteAllOf(event.userId());
        links.deleteAllOf(event.userId());
    }
}
