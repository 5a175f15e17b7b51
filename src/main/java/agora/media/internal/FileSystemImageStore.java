package agora.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Files under one directory (by default {@code <data-dir>/images}). A file is written beside its place and moved
 * there in one step, so a reader never sees half of it.
 */
class FileSystemImageStore implements ImageStore {

    private final Path root;

    FileSystemImageStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        var target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            var partial = Files.createTempFile(target.getParent(), ".upload", ".part");
            try {
                Files.write(partial, bytes);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        var file = resolve(key);
        try {
            Files.deleteIfExists(file);
            try (var left = Files.list(file.getParent())) {
                if (left.findAny().isEmpty()) {
                    Files.deleteIfExists(file.getParent());
                }
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key, e);
        }
    }

    /** Keys are ours (public id / size), but a key must never reach outside the root all the same. */
    private Path resolve(String key) {
        var path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("not a key under the image root: " + key);
        }
        return path;
    }
}
