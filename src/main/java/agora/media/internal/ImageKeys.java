package agora.media.internal;

import java.util.Arrays;
import java.util.List;

import agora.media.ImageLinks;

/** Where an image's files are: store keys ({@code img_x/480.jpg}) and the URLs that serve them. */
final class ImageKeys {

    static final String URL_PREFIX = "/images/";

    private ImageKeys() {
    }

    static String key(String publicId, ImageSize size, ImageFormat format) {
        return publicId + "/" + size.longSide() + "." + format.extension();
    }

    static List<String> keys(String publicId, ImageFormat format) {
        return Arrays.stream(ImageSize.values()).map(size -> key(publicId, size, format)).toList();
    }

    static ImageLinks links(String publicId, ImageFormat format) {
        return new ImageLinks(publicId, url(publicId, ImageSize.SMALL, format), url(publicId, ImageSize.MEDIUM, format),
                url(publicId, ImageSize.LARGE, format));
    }

    private static String url(String publicId, ImageSize size, ImageFormat format) {
        return URL_PREFIX + key(publicId, size, format);
    }
}
