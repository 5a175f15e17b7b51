package agora.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from the sender of every email, e.g. {@code Agora <no-reply@agora.example>}; its domain also
 *        names the Message-IDs
 * @param appUrl where the application's pages live; links in emails start with it
 * @param retention how long finished emails (sent, failed, expired) are kept before they are deleted
 */
@ConfigurationProperties("agora.notifications")
public record NotificationsProperties(String from, String appUrl, Delivery delivery, Duration retention) {

    /**
     * @param sweep whether this node runs the scheduled work: retries, recovery of stalled events, clean-up
     * @param sweepInterval how often the sweep looks for due emails
     * @param batchSize emails per sweep at most
     * @param firstRetry the wait after the first transient failure; it doubles with every further one
     * @param maxRetry the longest wait between two attempts
     * @param lease how long a node may take to send an email it claimed before another node may try
     * @param resubmitAfter age after which an event a notifications listener has not completed is handed to
     *        it again (e.g. after a crash between the request's commit and the listener)
     */
    public record Delivery(boolean sweep, Duration sweepInterval, int batchSize, Duration firstRetry,
            Duration maxRetry, Duration lease, Duration resubmitAfter) {
    }
}
