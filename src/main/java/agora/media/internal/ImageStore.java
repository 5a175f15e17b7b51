package agora.media.internal;

import java.util.Optional;

/**
 * Where the re-encoded image files live: the file system under the data directory (one node) or S3-compatible
 * object storage (every node sees every file). Keys are relative paths such as {@code img_x/480.jpg}.
 */
interface ImageStore {

    /** Stores {@code bytes} under {@code key}, replacing what was there; visible to {@link #get} once it returns. */
    void put(String key, byte[] bytes, String contentType);

    /** The file under {@code key}, or empty when there is none. */
    Optional<byte[]> get(String key);

    /** Deletes the file under {@code key}; nothing happens when there is none. */
    void delete(String key);
}
