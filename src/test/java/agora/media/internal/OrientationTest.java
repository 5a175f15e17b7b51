package agora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Point2D;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrientationTest {

    /**
     * Where the stored image's top left pixel (its centre) lands in the upright image, for a stored 40 x 20 image,
     * per EXIF orientation: the corner EXIF 2..8 say the stored first row and column are displayed at.
     */
    @ParameterizedTest
    @CsvSource({
            "1, 40, 20, 0.5, 0.5", // as stored
            "2, 40, 20, 39.5, 0.5", // mirrored: top right
            "3, 40, 20, 39.5, 19.5", // upside down: bottom right
            "4, 40, 20, 0.5, 19.5", // flipped: bottom left
            "5, 20, 40, 0.5, 0.5", // transposed: stays top left, sides swap
            "6, 20, 40, 19.5, 0.5", // turned clockwise: top right
            "7, 20, 40, 19.5, 39.5", // transversed: bottom right
            "8, 20, 40, 0.5, 39.5" }) // turned counter-clockwise: bottom left
    void theStoredTopLeftCornerLandsWhereExifSays(int value, int uprightWidth, int uprightHeight, double x, double y) {
        var orientation = new Orientation(value);
        assertThat(orientation.swapsSides()).isEqualTo(uprightWidth == 20);
        var landed = orientation.transform(40, 20).transform(new Point2D.Double(0.5, 0.5), null);
        assertThat(landed.getX()).isEqualTo(x);
        assertThat(landed.getY()).isEqualTo(y);
        // The whole stored image lands inside the upright one.
        var farCorner = orientation.transform(40, 20).transform(new Point2D.Double(39.5, 19.5), null);
        assertThat(farCorner.getX()).isBetween(0.0, (double) uprightWidth);
        assertThat(farCorner.getY()).isBetween(0.0, (double) uprightHeight);
    }
}
