package agora.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import agora.media.ImageLinks;
import agora.platform.ApiException;
import agora.platform.PublicIds;

/**
 * Taking uploads in and out: an upload is checked against the limits, processed on the {@link ProcessingPool},
 * its files stored, and only then its rows inserted; whatever fails on the way deletes what was stored, so an
 * image is either whole or absent.
 */
@Service
public class Uploads {

    static final Duration DAY = Duration.ofDays(1);
    private static final Duration STORE_RETRY = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    private final ImageRepository images;
    private final ImageStore store;
    private final ProcessingPool pool;
    private final FileRemoval files;
    private final MediaProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Uploads(ImageRepository images, ImageStore store, ProcessingPool pool, FileRemoval files,
            MediaProperties properties, TransactionTemplate transaction, Clock clock) {
        this.images = images;
        this.store = store;
        this.pool = pool;
        this.files = files;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** An accepted upload: its upright dimensions and where its sizes are served. */
    public record Uploaded(int width, int height, ImageLinks links) {
    }

    /**
     * @param size the upload's length in bytes
     * @param content the upload; read only once a processing thread is free, so waiting uploads stay on disk
     */
    public Uploaded upload(long uploaderId, long size, InputStreamSource content) {
        if (size > properties.maxBytes().toBytes()) {
            throw tooLarge(properties.maxBytes().toBytes());
        }
        requireQuota(uploaderId);
        var processed = pool.run(() -> Renditions.render(
                UploadDecoder.decode(read(content), properties.maxPixels(), ImageSize.largest().longSide())));
        var publicId = PublicIds.next("img");
        try {
            storeAll(publicId, processed);
            transaction.executeWithoutResult(status -> images.insert(publicId, uploaderId, processed, clock.instant()));
        } catch (RuntimeException e) {
            files.deleteNow(ImageKeys.keys(publicId, processed.format()));
            throw e;
        }
        return new Uploaded(processed.width(), processed.height(), ImageKeys.links(publicId, processed.format()));
    }

    private void storeAll(String publicId, Renditions.Processed processed) {
        try {
            for (var file : processed.renditions()) {
                store.put(ImageKeys.key(publicId, file.size(), processed.format()), file.bytes(),
                        processed.format().contentType());
            }
        } catch (RuntimeException e) {
            log.warn("Image store failed while storing {}: {}", publicId, e.toString());
            throw ApiException.unavailable("image storage is unavailable; try again shortly", STORE_RETRY);
        }
    }

    /** Deletes an image its uploader no longer wants; anyone else's looks like one that does not exist. */
    @Transactional
    public void delete(long uploaderId, String publicId) {
        var image = images.find(publicId).filter(i -> i.uploaderId() == uploaderId)
                .orElseThrow(() -> ApiException.notFound("image"));
        if (images.delete(image.id())) {
            files.afterCommit(image.keys());
        }
    }

    /** The daily limit counts uploads (deleted ones too) in the last 24 hours, in the database: across nodes. */
    private void requireQuota(long uploaderId) {
        int limit = properties.uploadsPerDay();
        var now = clock.instant();
        List<Instant> recent = images.uploadsSince(uploaderId, now.minus(DAY), limit);
        if (recent.size() >= limit) {
            var retryAfter = Duration.between(now, recent.getFirst().plus(DAY));
            throw ApiException.tooManyRequests("at most " + limit + " images may be uploaded in 24 hours",
                    retryAfter.isNegative() ? Duration.ofSeconds(1) : retryAfter);
        }
    }

    private byte[] read(InputStreamSource content) {
        try (var in = content.getInputStream()) {
            var bytes = in.readNBytes(Math.toIntExact(properties.maxBytes().toBytes()) + 1);
            if (bytes.length > properties.maxBytes().toBytes()) {
                throw tooLarge(properties.maxBytes().toBytes());
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an upload", e);
        }
    }

    static ApiException tooLarge(long maxBytes) {
        var message = "is larger than " + maxBytes + " bytes";
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "file " + message,
                Map.of("file", List.of(message)), null);
    }
}
