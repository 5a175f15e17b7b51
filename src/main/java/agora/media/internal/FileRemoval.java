package agora.media.internal;

import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import agora.platform.AfterCommit;

/**
 * Deletes image files once the rows that named them are gone for good: after the transaction that deleted them
 * commits (a rolled-back one keeps its files), or at once outside a transaction. A file that cannot be deleted is
 * logged and left: an orphan costs space, never a broken image.
 */
@Component
class FileRemoval {

    private static final Logger log = LoggerFactory.getLogger(FileRemoval.class);

    private final ImageStore store;

    FileRemoval(ImageStore store) {
        this.store = store;
    }

    void afterCommit(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        AfterCommit.run(() -> deleteNow(keys));
    }

    void deleteNow(Collection<String> keys) {
        for (var key : keys) {
            try {
                store.delete(key);
            } catch (RuntimeException e) {
                log.warn("Image file {} could not be deleted and stays orphaned: {}", key, e.toString());
            }
        }
    }
}
