package agora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * What every {@link ImageStore} does, whatever keeps the bytes; each adapter's test runs it against a real store.
 * Keys are fresh per test, so the tests of one store never see each other's files.
 */
abstract class ImageStoreContract {

    /** The store under test, ready for this test. */
    abstract ImageStore store();

    final String image = "img_" + UUID.randomUUID();

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void whatIsPutIsGotBackByteForByte() {
        var jpeg = new byte[70_000];
        new Random(7).nextBytes(jpeg);
        store().put(image + "/480.jpg", jpeg, "image/jpeg");

        assertThat(store().get(image + "/480.jpg")).hasValue(jpeg);
    }

    @Test
    void aPutReplacesWhatWasThere() {
        store().put(image + "/480.jpg", bytes("first"), "image/jpeg");
        store().put(image + "/480.jpg", bytes("second"), "image/jpeg");

        assertThat(store().get(image + "/480.jpg")).hasValue(bytes("second"));
    }

    @Test
    void aMissingKeyIsEmpty() {
        assertThat(store().get(image + "/480.jpg")).isEmpty();
    }

    @Test
    void aDeletedKeyIsGoneAndItsNeighboursStay() {
        store().put(image + "/480.jpg", bytes("480"), "image/jpeg");
        store().put(image + "/1080.jpg", bytes("1080"), "image/jpeg");

        store().delete(image + "/480.jpg");

        assertThat(store().get(image + "/480.jpg")).isEmpty();
        assertThat(store().get(image + "/1080.jpg")).hasValue(bytes("1080"));
    }

    @Test
    void deletingAMissingKeyDoesNothing() {
        store().delete(image + "/480.jpg");
        store().delete(image + "/480.jpg");

        assertThat(store().get(image + "/480.jpg")).isEmpty();
    }

    @Test
    void keysWithSlashesAreKeptApart() {
        store().put(image + "/a/b/480.webp", bytes("deep"), "image/webp");
        store().put(image + "/480.webp", bytes("shallow"), "image/webp");

        assertThat(store().get(image + "/a/b/480.webp")).hasValue(bytes("deep"));
        assertThat(store().get(image + "/480.webp")).hasValue(bytes("shallow"));
        assertThat(store().get(image + "/a/480.webp")).isEmpty();
    }
}
