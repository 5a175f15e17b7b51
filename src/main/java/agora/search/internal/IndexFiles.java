package agora.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where indexes live: {@code <data-dir>/search/<generation>/}, and a file {@code current} naming the one in
 * use. A rebuild writes a new generation beside it; swapping rewrites {@code current} atomically, so a crash
 * at any moment leaves either the old or the new index in use, never half of one.
 */
final class IndexFiles {

    private static final Logger log = LoggerFactory.getLogger(IndexFiles.class);
    private static final String POINTER = "current";

    private final Path root;

    IndexFiles(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Optional<Path> current() {
        var pointer = root.resolve(POINTER);
        try {
            if (!Files.isRegularFile(pointer)) {
                return Optional.empty();
            }
            var name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            return name.isEmpty() || name.contains("/") ? Optional.empty() : Optional.of(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, unused directory for a new index. */
    Path newGeneration() {
        return root.resolve("index-" + System.currentTimeMillis() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    void makeCurrent(Path generation) throws IOException {
        Files.createDirectories(root);
        var next = root.resolve(POINTER + ".next");
        Files.writeString(next, generation.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(next, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes index directories that are not current: left-overs of swaps and of interrupted rebuilds. */
    void removeAllBut(Optional<Path> keep) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().startsWith("index-"))
                    .filter(dir -> keep.map(k -> !k.equals(dir)).orElse(true))
                    .forEach(IndexFiles::delete);
        } catch (IOException e) {
            log.warn("could not list {}: {}", root, e.toString());
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
