package agora.media.internal;

import org.springframework.stereotype.Component;

import agora.platform.BoundedPool;

/**
 * Where every upload is decoded and re-encoded: a burst of uploads holds at most {@code concurrency} decoded
 * pictures (up to {@code max-pixels} x 4 bytes each) in memory at a time; an upload that cannot start within
 * {@code agora.media.processing.max-wait} is refused with 503.
 */
@Component
class ProcessingPool extends BoundedPool {

    ProcessingPool(MediaProperties properties) {
        super("image-processing-", properties.processing().concurrency(), properties.processing().maxWait(),
                "too many images are being processed; try again shortly");
    }
}
