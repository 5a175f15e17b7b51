package agora.media.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and processing of uploaded images ({@code agora.media.*}, env {@code AGORA_MEDIA_*}).
 *
 * @param maxBytes largest upload accepted; larger ones get 413
 * @param maxPixels most pixels (width times height, read from the header before decoding) an upload may have
 * @param uploadsPerDay uploads one user may make in any 24 hours
 * @param unattachedTtl how long an image nobody attached is kept before the sweep deletes it
 * @param sweepInterval how often the sweep runs
 * @param processing where decoding and re-encoding run
 */
@ConfigurationProperties("agora.media")
public record MediaProperties(DataSize maxBytes, long maxPixels, int uploadsPerDay, Duration unattachedTtl,
        Duration sweepInterval, Processing processing) {

    /**
     * @param concurrency images processed at once (platform threads); 0 means one per available processor
     * @param maxWait how long an upload may wait for a free thread before it is refused with 503
     */
    public record Processing(int concurrency, Duration maxWait) {

        public Processing {
            if (concurrency <= 0) {
                concurrency = Runtime.getRuntime().availableProcessors();
            }
        }
    }
}
