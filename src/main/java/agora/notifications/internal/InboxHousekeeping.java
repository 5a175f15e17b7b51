package agora.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import agora.accounts.UserDeleted;

/**
 * Keeps inboxes bounded and free of deleted accounts: a deleted user's notifications go, and so does the user
 * as an actor in others' (a notification left without actor with it); a sweep deletes what is past the
 * retention (the newest-N bound is kept on every write, see {@link Notifications}).
 */
@Component
class InboxHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(InboxHousekeeping.class);

    private final Notifications notifications;

    InboxHousekeeping(Notifications notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(UserDeleted event) {
        notifications.forget(event.userId());
    }

    @Scheduled(initialDelayString = "${agora.notifications.inbox.sweep-interval}",
            fixedDelayString = "${agora.notifications.inbox.sweep-interval}")
    void sweep() {
        var deleted = notifications.sweep();
        if (deleted > 0) {
            log.info("{} notification(s) past the retention deleted", deleted);
        }
    }
}
