package agora.notifications.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers emails from the outbox: one right after it is recorded, and every due one on each sweep. Each
 * email is claimed before it is sent (see {@link EmailOutbox}), and its outcome recorded right after: sent,
 * to be retried with back-off, or failed for good.
 */
@Component
class Postman {

    private static final Logger log = LoggerFactory.getLogger(Postman.class);

    private final EmailOutbox outbox;
    private final MailDrop drop;
    private final RetrySchedule retries;
    private final NotificationsProperties.Delivery settings;
    private final Clock clock;
    /** Accepted by the server but not yet recorded (the database failed): recorded first, never resent. */
    private final Map<Long, Delivery.Accepted> unrecorded = new ConcurrentHashMap<>();

    Postman(EmailOutbox outbox, MailDrop drop, NotificationsProperties properties, Clock clock) {
        this.outbox = outbox;
        this.drop = drop;
        this.settings = properties.delivery();
        this.retries = new RetrySchedule(settings.firstRetry(), settings.maxRetry());
        this.clock = clock;
    }

    /** Sends an email whose recording, which claimed it for this node, has just committed. */
    void deliver(OutgoingEmail recorded) {
        try (var connection = drop.open()) {
            record(recorded, connection.send(recorded));
        } catch (RuntimeException e) {
            log.error("Email {} not delivered now; the outbox keeps it", recorded.id(), e);
        }
    }

    /** Delivers the emails that are due; answers how many were attempted. */
    int sweep() {
        recordUnrecorded();
        var due = outbox.findDue(clock.instant(), settings.batchSize());
        return due.isEmpty() ? 0 : deliverAll(due);
    }

    private int deliverAll(List<Long> ids) {
        var attempted = 0;
        try (var connection = drop.open()) {
            for (var id : ids) {
                if (unrecorded.containsKey(id)) {
                    continue;
                }
                var now = clock.instant();
                var claimed = outbox.claim(id, now, now.plus(settings.lease()));
                if (claimed.isEmpty()) {
                    continue;
                }
                attempted++;
                var email = claimed.get();
                var outcome = connection.send(email);
                record(email, outcome);
                if (outcome instanceof Delivery.Retry) {
                    // Most likely the server is unreachable: leave the rest of the batch to the next sweep.
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.error("Email delivery stopped early; the outbox keeps what was not sent", e);
        }
        return attempted;
    }

    private void record(OutgoingEmail email, Delivery outcome) {
        var now = clock.instant();
        switch (outcome) {
            case Delivery.Accepted accepted -> {
                try {
                    outbox.markSent(email.id(), accepted.via(), accepted.keepContent(), now);
                } catch (RuntimeException e) {
                    unrecorded.put(email.id(), accepted);
                    log.error("Email {} was accepted but could not be recorded as sent; will record it later",
                            email.id(), e);
                }
            }
            case Delivery.Retry retry -> {
                var delay = retries.delayAfter(email.attempts());
                outbox.scheduleRetry(email.id(), now.plus(delay), retry.reason());
                log.warn("Email {} ({}) not delivered on attempt {}, next try in {}: {}", email.id(),
                        email.template(), email.attempts(), delay, SmtpFailures.summary(retry.reason()));
            }
            case Delivery.Rejected rejected -> {
                outbox.markFailed(email.id(), rejected.reason(), now);
                log.warn("Email {} ({}) rejected for good, not retried: {}", email.id(), email.template(),
                        SmtpFailures.summary(rejected.reason()));
            }
        }
    }

    private void recordUnrecorded() {
        unrecorded.forEach((id, accepted) -> {
            outbox.markSent(id, accepted.via(), accepted.keepContent(), clock.instant());
            unrecorded.remove(id);
        });
    }
}
