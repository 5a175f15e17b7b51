package agora.notifications.internal;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled half of "never lost": retries due emails, hands events that a notifications listener never
 * completed (a crash between a request's commit and the listener, a listener failure) to the listener
 * again, and forgets what is finished. Safe on every node: claims and resubmission marks are conditional
 * updates, and recording an email is idempotent.
 */
@Component
@ConditionalOnBooleanProperty("agora.notifications.delivery.sweep")
class DeliverySweeper {

    private static final Logger log = LoggerFactory.getLogger(DeliverySweeper.class);
    private static final String LISTENER_PREFIX = DeliverySweeper.class.getPackageName().replace(".internal", ".");

    private final Postman postman;
    private final EmailOutbox outbox;
    private final IncompleteEventPublications publications;
    private final NotificationsProperties properties;
    private final Clock clock;

    DeliverySweeper(Postman postman, EmailOutbox outbox, IncompleteEventPublications publications,
            NotificationsProperties properties, Clock clock) {
        this.postman = postman;
        this.outbox = outbox;
        this.publications = publications;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${agora.notifications.delivery.sweep-interval}",
            fixedDelayString = "${agora.notifications.delivery.sweep-interval}")
    void sweep() {
        var expired = outbox.discardObsolete(clock.instant());
        if (expired > 0) {
            log.info("{} undelivered email(s) expired: their content became useless before delivery", expired);
        }
        postman.sweep();
    }

    @Scheduled(initialDelayString = "${agora.notifications.delivery.sweep-interval}",
            fixedDelayString = "${agora.notifications.delivery.resubmit-after}")
    void resubmitStalledEvents() {
        var cutoff = clock.instant().minus(properties.delivery().resubmitAfter());
        publications.resubmitIncompletePublications(publication -> publication instanceof TargetEventPublication target
                && target.getTargetIdentifier().getValue().startsWith(LISTENER_PREFIX)
                && publication.getPublicationDate().isBefore(cutoff)
                && (publication.getLastResubmissionDate() == null
                        || publication.getLastResubmissionDate().isBefore(cutoff)));
    }

    @Scheduled(initialDelay = 5, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
    void forgetFinished() {
        outbox.deleteFinishedBefore(clock.instant().minus(properties.retention()));
    }
}
