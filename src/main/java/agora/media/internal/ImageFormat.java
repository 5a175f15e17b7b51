package agora.media.internal;

import java.util.Optional;

/** What images are stored and served as: JPEG for opaque ones, PNG for those with transparency. */
enum ImageFormat {

    JPEG("jpg", "image/jpeg"), PNG("png", "image/png");

    private final String extension;
    private final String contentType;

    ImageFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The file name extension, also the value of {@code images.format}. */
    String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }

    static Optional<ImageFormat> ofExtension(String extension) {
        for (var format : values()) {
            if (format.extension.equals(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
