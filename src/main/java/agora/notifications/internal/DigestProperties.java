package agora.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The daily digest of notifications.
 *
 * @param cron when the digest job runs (a Spring cron expression, in {@code zone}); "-" turns it off on this node
 * @param zone the time zone of the cron expression and of the calendar day a digest belongs to
 * @param maxItems notifications listed in one digest at most; the rest are counted ("and 12 more")
 */
@ConfigurationProperties("agora.notifications.digest")
record DigestProperties(String cron, String zone, int maxItems) {
}
