package agora.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The live stream ({@code GET /api/notifications/stream}).
 *
 * @param heartbeat how often an idle stream sends a comment, so proxies keep it open and dead clients are noticed
 * @param retry the reconnection delay the stream suggests to clients ({@code retry:})
 * @param perUser open streams per user; the oldest closes when another opens
 * @param perNode open streams on this node; beyond it a new stream is refused with 503
 */
@ConfigurationProperties("agora.notifications.stream")
record StreamProperties(Duration heartbeat, Duration retry, int perUser, int perNode) {
}
