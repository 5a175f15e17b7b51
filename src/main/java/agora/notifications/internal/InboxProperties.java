package agora.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param aggregationWindow likes (or follows) of the same subject within this long of the last one become one
 *        notification
 * @param keep a recipient keeps at most this many notifications, the newest
 * @param retention notifications unchanged for this long are deleted
 * @param sweepInterval how often the retention sweep runs
 */
@ConfigurationProperties("agora.notifications.inbox")
public record InboxProperties(Duration aggregationWindow, int keep, Duration retention, Duration sweepInterval) {
}
