package agora.media.internal;

import javax.imageio.ImageIO;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What uploads need from the web container and from ImageIO. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    /** Room for a multipart request's boundaries and part headers around the largest accepted file. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    MediaConfiguration() {
        // ImageIO finds plugins (TwelveMonkeys' JPEG and WebP readers) on the class path of the thread that first
        // uses it; scanning here, at start-up, makes sure the application's class loader (the packaged jar's) is it.
        ImageIO.scanForPlugins();
        // Uploads and the files made from them are in memory already: ImageIO's default would copy each stream it
        // reads or writes to a temporary file first.
        ImageIO.setUseCache(false);
    }

    /**
     * Multipart requests (uploads) are refused by the container past {@code agora.media.max-bytes}, before they
     * are buffered; {@code agora.web.max-body-size} does not apply to them. Parts go to temporary files, so
     * uploads waiting for the {@link ProcessingPool} do not hold their bytes in memory.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(MediaProperties properties) {
        long max = properties.maxBytes().toBytes();
        return new MultipartConfigElement(null, max, max + MULTIPART_OVERHEAD, 0);
    }
}
