package agora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file system store in a directory of its own. */
class FileSystemImageStoreTest extends ImageStoreContract {

    @TempDir
    Path root;

    @Override
    ImageStore store() {
        return new FileSystemImageStore(root);
    }

    @Test
    void deletingAnImagesLastFileRemovesItsDirectory() {
        store().put(image + "/480.jpg", bytes("480"), "image/jpeg");

        store().delete(image + "/480.jpg");

        assertThat(Files.exists(root.resolve(image))).isFalse();
    }

    @Test
    void aKeyNeverReachesOutsideTheRoot() {
        assertThatThrownBy(() -> store().put("../outside.jpg", bytes("x"), "image/jpeg"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(root.resolveSibling("outside.jpg"))).isFalse();
    }
}
