package agora.media.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import org.springframework.http.HttpStatus;

import agora.platform.ApiException;

/**
 * Turns uploaded bytes into pixels, or refuses them. The format is the one whose ImageIO reader recognizes the
 * bytes themselves; the file's name and declared type are never asked. The size is read from the header and
 * checked before any pixel is decoded, so a small file claiming a huge picture costs nothing.
 */
final class UploadDecoder {

    /** ImageIO format names we take: JPEG, PNG, WebP (TwelveMonkeys) and GIF (its first frame). */
    private static final Set<String> ACCEPTED = Set.of("jpeg", "png", "webp", "gif");
    /** Readers report a file that ends early as a warning and hand back what they got; that is a damaged file. */
    private static final Pattern TRUNCATION = Pattern.compile("(?i)premature end|truncated|missing eoi|end of file");

    private UploadDecoder() {
    }

    /**
     * An upload's pixels as stored (not yet upright, possibly subsampled), its full dimensions as stored, and how
     * to make it upright.
     */
    record Decoded(BufferedImage image, int width, int height, Orientation orientation, String format) {
    }

    /**
     * @param maxPixels most pixels (width x height) accepted
     * @param smallestUseful the long side below which a JPEG is not subsampled while decoding
     */
    static Decoded decode(byte[] bytes, long maxPixels, int smallestUseful) {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var recognized = readerFor(input);
            var reader = recognized.reader();
            var format = recognized.format();
            try {
                reader.setInput(input);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || (long) width * height > maxPixels) {
                    throw ApiException.invalid("file", "is " + width + " x " + height + " pixels; at most "
                            + maxPixels + " pixels are accepted");
                }
                boolean jpeg = format.equals("jpeg");
                var param = reader.getDefaultReadParam();
                // Dropping pixels while decoding saves time and memory, but only down to twice the largest
                // size, so that the smooth downscale afterwards still has enough detail to avoid aliasing.
                int step = jpeg ? Math.max(1, Math.max(width, height) / (2 * smallestUseful)) : 1;
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                var warnings = new ArrayList<String>();
                IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
                reader.addIIOReadWarningListener(listener);
                var image = reader.read(0, param);
                if (truncated(warnings)) {
                    throw damaged();
                }
                return new Decoded(image, width, height, jpeg ? Orientation.ofJpeg(bytes) : Orientation.UPRIGHT, format);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw damaged();
        }
    }

    private record Recognized(ImageReader reader, String format) {
    }

    /** The first reader that recognizes the bytes (each looks at the magic numbers) and is of a format we take. */
    private static Recognized readerFor(ImageInputStream input) {
        var readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            var reader = readers.next();
            for (var name : reader.getOriginatingProvider().getFormatNames()) {
                var format = name.toLowerCase(Locale.ROOT);
                if (ACCEPTED.contains(format)) {
                    return new Recognized(reader, format);
                }
            }
            reader.dispose();
        }
        var message = "is not a JPEG, PNG, WebP or GIF image";
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "file " + message,
                Map.of("file", List.of(message)), null);
    }

    private static boolean truncated(List<String> warnings) {
        return warnings.stream().anyMatch(w -> w != null && TRUNCATION.matcher(w).find());
    }

    private static ApiException damaged() {
        return ApiException.invalid("file", "cannot be read: the image is damaged or incomplete");
    }
}
