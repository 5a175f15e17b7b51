package agora.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.IFD;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFWriter;

/** Image files for tests, made in code: ImageIO writes the ordinary ones, the odd ones are assembled by hand. */
public final class Pictures {

    /** An ASCII marker written into a test JPEG's GPS data, to look for in what is served. */
    public static final String GPS_MARKER = "AGORA-GPS-48.8584N-2.2945E";

    private Pictures() {
    }

    /** An opaque picture of one colour, with a {@code corner} coloured square at its top left. */
    public static BufferedImage picture(int width, int height, Color background, Color corner) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.setColor(corner);
        g.fillRect(0, 0, Math.max(1, Math.min(width, height) / 2), Math.max(1, Math.min(width, height) / 2));
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, Color.BLUE, Color.RED), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height, Color.BLUE, Color.RED), "png");
    }

    public static byte[] encode(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG whose left half is fully transparent and right half half-transparent green. */
    public static byte[] transparentPng(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = width / 2; x < width; x++) {
                image.setRGB(x, y, 0x8000ff00);
            }
        }
        return encode(image, "png");
    }

    /** A two-frame GIF: the first frame red, the second blue. */
    public static byte[] animatedGif(int width, int height) {
        var out = new ByteArrayOutputStream();
        var writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (var colour : List.of(Color.RED, Color.BLUE)) {
                writer.writeToSequence(new IIOImage(picture(width, height, colour, colour), null, null),
                        null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A JPEG of {@code image} with an EXIF segment (written by TwelveMonkeys' TIFF writer) that records
     * {@code orientation} and a GPS position, including {@link #GPS_MARKER}.
     */
    public static byte[] jpegWithExif(BufferedImage image, int orientation) {
        var jpeg = encode(image, "jpeg");
        var gps = new IFD(List.<Entry>of(
                new TIFFEntry(1, TIFF.TYPE_ASCII, "N"), // GPSLatitudeRef
                new TIFFEntry(18, TIFF.TYPE_ASCII, GPS_MARKER))); // GPSMapDatum
        var tiff = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(tiff)) {
            new TIFFWriter().write(List.<Entry>of(
                    new TIFFEntry(TIFF.TAG_ORIENTATION, TIFF.TYPE_SHORT, (short) orientation),
                    new TIFFEntry(TIFF.TAG_GPS_IFD, TIFF.TYPE_LONG, gps)), stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var payload = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.toByteArray());
        var app1 = concat(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) ((payload.length + 2) >> 8),
                (byte) (payload.length + 2) }, payload);
        // After SOI and the JFIF APP0 segment that ImageIO writes first.
        int afterApp0 = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        return concat(concat(Arrays.copyOf(jpeg, afterApp0), app1),
                Arrays.copyOfRange(jpeg, afterApp0, jpeg.length));
    }

    /** A PNG that is only a signature and a header claiming {@code width} x {@code height} pixels. */
    public static byte[] pngHeaderOnly(int width, int height) {
        var header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array();
        return concat(concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, chunk("IHDR", header)),
                chunk("IEND", new byte[0]));
    }

    /**
     * {@code png} with a compressed text chunk (zTXt) placed after its header that inflates to {@code inflated}
     * bytes of zeros: a decompression bomb in the metadata rather than the pixels.
     */
    public static byte[] pngWithTextBomb(byte[] png, long inflated) {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION);
        var compressed = new ByteArrayOutputStream();
        var zeros = new byte[1 << 20];
        var buffer = new byte[1 << 16];
        for (long fed = 0; fed < inflated; fed += zeros.length) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        var keyword = "Comment\0\0".getBytes(StandardCharsets.ISO_8859_1); // keyword, separator, method 0
        var chunk = chunk("zTXt", concat(keyword, compressed.toByteArray()));
        int afterHeader = 8 + 25; // signature, then IHDR (length, type, 13 bytes, CRC)
        return concat(concat(Arrays.copyOf(png, afterHeader), chunk), Arrays.copyOfRange(png, afterHeader, png.length));
    }

    /**
     * A lossless WebP (VP8L) of {@code width} x {@code height} pixels of one opaque colour, assembled bit by bit:
     * no transforms, no colour cache, and five prefix codes of one symbol each (so each pixel takes no bits).
     * TwelveMonkeys reads WebP but cannot write it.
     */
    public static byte[] webp(int width, int height, int red, int green, int blue) {
        var bits = new Bits();
        bits.write(0x2f, 8); // VP8L signature
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(0, 1); // alpha not used
        bits.write(0, 3); // version
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // no meta prefix codes
        for (int symbol : new int[] { green, red, blue, 255, 0 }) { // green, red, blue, alpha, distance
            bits.write(1, 1); // simple code
            bits.write(0, 1); // one symbol
            bits.write(1, 1); // of 8 bits
            bits.write(symbol, 8);
        }
        var data = bits.bytes();
        var vp8l = concat(concat("VP8L".getBytes(StandardCharsets.US_ASCII), littleEndian(data.length)),
                data.length % 2 == 0 ? data : concat(data, new byte[1]));
        var body = concat("WEBP".getBytes(StandardCharsets.US_ASCII), vp8l);
        return concat(concat("RIFF".getBytes(StandardCharsets.US_ASCII), littleEndian(body.length)), body);
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("not an image ImageIO reads");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the pixel is close to {@code expected} (JPEG moves colours a little). */
    public static boolean near(int rgb, Color expected) {
        var actual = new Color(rgb, true);
        return Math.abs(actual.getRed() - expected.getRed()) < 40 && Math.abs(actual.getGreen() - expected.getGreen()) < 40
                && Math.abs(actual.getBlue() - expected.getBlue()) < 40;
    }

    public static byte[] concat(byte[] a, byte[] b) {
        var both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] chunk(String type, byte[] data) {
        var typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] littleEndian(int value) {
        return new byte[] { (byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24) };
    }

    /** Writes values least significant bit first, as VP8L reads them. */
    private static final class Bits {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void write(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] bytes() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }
}
