package agora.media.internal;

import org.springframework.stereotype.Service;

import agora.platform.ApiException;

/** Finds the stored file a URL names ({@code /images/img_x/480.jpg}) and reads it from the store. */
@Service
public class ImageFiles {

    private final ImageRepository images;
    private final ImageStore store;

    ImageFiles(ImageRepository images, ImageStore store) {
        this.images = images;
        this.store = store;
    }

    /** A file that exists: its store key, content type and ETag (its content hash, quoted). */
    public record File(String key, String contentType, String etag) {
    }

    /** The file {@code name} (e.g. {@code 480.jpg}) of image {@code publicId}; 404 for anything that is not one. */
    public File describe(String publicId, String name) {
        int dot = name.indexOf('.');
        if (dot < 1) {
            throw ApiException.notFound("image");
        }
        var size = parseSize(name.substring(0, dot));
        var format = ImageFormat.ofExtension(name.substring(dot + 1)).orElseThrow(() -> ApiException.notFound("image"));
        var stored = images.file(publicId, size.longSide()).filter(f -> f.format() == format)
                .orElseThrow(() -> ApiException.notFound("image"));
        return new File(ImageKeys.key(publicId, size, format), format.contentType(), "\"" + stored.hash() + "\"");
    }

    /** The file's bytes; 404 when it went (deleted) since it was described. */
    public byte[] read(File file) {
        return store.get(file.key()).orElseThrow(() -> ApiException.notFound("image"));
    }

    private static ImageSize parseSize(String digits) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            throw ApiException.notFound("image");
        }
        return ImageSize.ofLongSide(Integer.parseInt(digits)).orElseThrow(() -> ApiException.notFound("image"));
    }
}
