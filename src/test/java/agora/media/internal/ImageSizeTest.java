package agora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageSizeTest {

    @Test
    void aSizeScalesTheLongSideDownKeepingProportions() {
        assertThat(ImageSize.LARGE.fit(4000, 3000)).isEqualTo(new ImageSize.Dimensions(1200, 900));
        assertThat(ImageSize.MEDIUM.fit(3000, 4000)).isEqualTo(new ImageSize.Dimensions(360, 480));
        assertThat(ImageSize.SMALL.fit(1000, 333)).isEqualTo(new ImageSize.Dimensions(160, 53));
    }

    @Test
    void aSizeNeverScalesUp() {
        assertThat(ImageSize.LARGE.fit(300, 200)).isEqualTo(new ImageSize.Dimensions(300, 200));
        assertThat(ImageSize.SMALL.fit(160, 10)).isEqualTo(new ImageSize.Dimensions(160, 10));
    }

    @Test
    void aThinPictureKeepsAtLeastOnePixel() {
        assertThat(ImageSize.SMALL.fit(10_000, 2)).isEqualTo(new ImageSize.Dimensions(160, 1));
    }

    @Test
    void sizesAreKnownByTheirLongSideOnly() {
        assertThat(ImageSize.ofLongSide(480)).contains(ImageSize.MEDIUM);
        assertThat(ImageSize.ofLongSide(481)).isEmpty();
    }
}
