package agora.media.internal;

import java.util.Optional;

/** The sizes every upload is stored in, by their long side in pixels. */
enum ImageSize {

    SMALL(160), MEDIUM(480), LARGE(1200);

    private final int longSide;

    ImageSize(int longSide) {
        this.longSide = longSide;
    }

    int longSide() {
        return longSide;
    }

    /** The dimensions of this size for an image of {@code width} x {@code height}: scaled down, never up. */
    Dimensions fit(int width, int height) {
        int longest = Math.max(width, height);
        if (longest <= longSide) {
            return new Dimensions(width, height);
        }
        double scale = (double) longSide / longest;
        return new Dimensions(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }

    static ImageSize largest() {
        return LARGE;
    }

    static Optional<ImageSize> ofLongSide(int longSide) {
        for (var size : values()) {
            if (size.longSide == longSide) {
                return Optional.of(size);
            }
        }
        return Optional.empty();
    }

    record Dimensions(int width, int height) {
    }
}
