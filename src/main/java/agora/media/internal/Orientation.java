package agora.media.internal;

import java.awt.geom.AffineTransform;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * The EXIF orientation of a JPEG (1 = upright, 2..8 = mirrored and/or turned, as cameras record it instead of
 * turning the pixels), read with TwelveMonkeys' metadata reader, and the transform that makes the image upright.
 */
record Orientation(int value) {

    static final Orientation UPRIGHT = new Orientation(1);

    /** The orientation a JPEG's EXIF segment records; upright when it records none or cannot be read. */
    static Orientation ofJpeg(byte[] jpeg) {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            var segments = JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return UPRIGHT;
            }
            var data = segments.getFirst().data().readAllBytes();
            // The identifier is "Exif" and two zero bytes; the reader leaves the second one to skip.
            int start = data.length > 0 && data[0] == 0 ? 1 : 0;
            try (var tiff = ImageIO.createImageInputStream(new ByteArrayInputStream(data, start, data.length - start))) {
                var entry = new TIFFReader().read(tiff).getEntryById(TIFF.TAG_ORIENTATION);
                if (entry != null && entry.getValue() instanceof Number number && number.intValue() >= 1
                        && number.intValue() <= 8) {
                    return new Orientation(number.intValue());
                }
            }
        } catch (IOException | RuntimeException e) {
            // A damaged EXIF segment does not make a damaged picture: the decoder judges the pixels.
        }
        return UPRIGHT;
    }

    /** Whether the upright image is the stored one turned a quarter, so width and height trade places. */
    boolean swapsSides() {
        return value >= 5;
    }

    /**
     * Maps the stored image ({@code width} x {@code height}) onto the upright one: x' = m00 x + m01 y + m02,
     * y' = m10 x + m11 y + m12, written as {@code new AffineTransform(m00, m10, m01, m11, m02, m12)}.
     */
    AffineTransform transform(int width, int height) {
        return switch (value) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0); // mirrored left to right
            case 3 -> new AffineTransform(-1, 0, 0, -1, width, height); // turned half way
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, height); // mirrored top to bottom
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // mirrored along the main diagonal
            case 6 -> new AffineTransform(0, 1, -1, 0, height, 0); // to be turned a quarter clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, height, width); // mirrored along the other diagonal
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, width); // to be turned a quarter counter-clockwise
            default -> new AffineTransform();
        };
    }
}
