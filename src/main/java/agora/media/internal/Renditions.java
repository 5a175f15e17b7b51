package agora.media.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

/**
 * Makes the files we store from decoded pixels: upright, in sRGB, in every {@link ImageSize}, encoded afresh.
 * Nothing of the upload survives but its pixels: no metadata (EXIF, GPS, comments, profiles) and no trailing
 * bytes, because new files are written from the pixels alone.
 */
final class Renditions {

    static final float JPEG_QUALITY = 0.85f;

    private Renditions() {
    }

    /** One stored file: its size, dimensions, bytes and their SHA-256 (hex), which is its ETag. */
    record Rendition(ImageSize size, int width, int height, byte[] bytes, String hash) {
    }

    /** What an upload became: the format of its files, its upright dimensions (as uploaded), and the files. */
    record Processed(ImageFormat format, int width, int height, List<Rendition> renditions) {
    }

    static Processed render(UploadDecoder.Decoded decoded) {
        var source = decoded.image();
        boolean alpha = source.getColorModel().hasAlpha();
        var image = upright(inSrgb(source, alpha), decoded.orientation(), alpha);
        var format = alpha && hasTransparentPixel(image) ? ImageFormat.PNG : ImageFormat.JPEG;
        if (format == ImageFormat.JPEG && alpha) {
            image = copy(image, image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB, null);
        }
        // The upload's own upright dimensions, not the subsampled ones: sizes keep its exact proportions.
        int width = decoded.orientation().swapsSides() ? decoded.height() : decoded.width();
        int height = decoded.orientation().swapsSides() ? decoded.width() : decoded.height();
        var renditions = new ArrayList<Rendition>();
        var larger = image;
        for (var size : List.of(ImageSize.LARGE, ImageSize.MEDIUM, ImageSize.SMALL)) {
            var fit = size.fit(width, height);
            larger = scale(larger, fit.width(), fit.height());
            var bytes = encode(larger, format);
            renditions.add(new Rendition(size, fit.width(), fit.height(), bytes, sha256(bytes)));
        }
        return new Processed(format, width, height, List.copyOf(renditions.reversed()));
    }

    /**
     * The pixels as 8-bit sRGB, with or without alpha. Images in another colour space (an embedded ICC profile such
     * as Adobe RGB, or CMYK) are converted; gray and indexed images are drawn, which keeps their tones.
     */
    private static BufferedImage inSrgb(BufferedImage source, boolean alpha) {
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        var space = source.getColorModel().getColorSpace();
        if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY) {
            return source.getType() == type ? source : copy(source, source.getWidth(), source.getHeight(), type, null);
        }
        var target = new BufferedImage(source.getWidth(), source.getHeight(), type);
        new ColorConvertOp(null).filter(source, target);
        return target;
    }

    private static BufferedImage upright(BufferedImage image, Orientation orientation, boolean alpha) {
        if (orientation.value() == 1) {
            return image;
        }
        int width = orientation.swapsSides() ? image.getHeight() : image.getWidth();
        int height = orientation.swapsSides() ? image.getWidth() : image.getHeight();
        var turned = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        var g = turned.createGraphics();
        try {
            g.drawImage(image, orientation.transform(image.getWidth(), image.getHeight()), null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    private static boolean hasTransparentPixel(BufferedImage argb) {
        for (int pixel : ((DataBufferInt) argb.getRaster().getDataBuffer()).getData()) {
            if (pixel >>> 24 != 0xff) {
                return true;
            }
        }
        return false;
    }

    /**
     * Halves with bilinear filtering while the image is at least twice the target, then takes the last step with
     * bicubic filtering: close to a proper area average, at a fraction of its cost.
     */
    private static BufferedImage scale(BufferedImage source, int width, int height) {
        var current = source;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = copy(current, current.getWidth() / 2, current.getHeight() / 2, source.getType(),
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() != width || current.getHeight() != height) {
            current = copy(current, width, height, source.getType(), RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        }
        return current;
    }

    private static BufferedImage copy(BufferedImage source, int width, int height, int type, Object interpolation) {
        var target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            if (interpolation != null) {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            }
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encode(BufferedImage image, ImageFormat format) {
        var out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            var writer = ImageIO.getImageWritersByFormatName(format == ImageFormat.JPEG ? "jpeg" : "png").next();
            try {
                writer.setOutput(stream);
                var param = writer.getDefaultWriteParam();
                if (format == ImageFormat.JPEG) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(JPEG_QUALITY);
                }
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an image", e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
