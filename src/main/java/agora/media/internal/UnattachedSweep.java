package agora.media.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes images nobody attached within {@code agora.media.unattached-ttl} (uploaded, then the product or avatar
 * was never saved), files too, and forgets uploads older than the daily limit's window. Safe on every node: each
 * image is deleted by a conditional delete, and only the node whose delete took the row deletes its files.
 */
@Component
class UnattachedSweep {

    private static final Logger log = LoggerFactory.getLogger(UnattachedSweep.class);
    private static final int BATCH = 100;

    private final ImageRepository images;
    private final FileRemoval files;
    private final MediaProperties properties;
    private final Clock clock;

    UnattachedSweep(ImageRepository images, FileRemoval files, MediaProperties properties, Clock clock) {
        this.images = images;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${agora.media.sweep-interval}", fixedDelayString = "${agora.media.sweep-interval}")
    void sweep() {
        var now = clock.instant();
        var cutoff = now.minus(properties.unattachedTtl());
        int deleted = 0;
        while (true) {
            var batch = images.unattachedBefore(cutoff, BATCH);
            for (var image : batch) {
                if (images.deleteIfUnattachedBefore(image.id(), cutoff)) {
                    files.deleteNow(image.keys());
                    deleted++;
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        images.forgetUploadsBefore(now.minus(Uploads.DAY));
        if (deleted > 0) {
            log.info("{} image(s) never attached within {} deleted", deleted, properties.unattachedTtl());
        }
    }
}
