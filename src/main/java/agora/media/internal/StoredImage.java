package agora.media.internal;

import java.time.Instant;
import java.util.List;

import agora.media.ImageLinks;
import agora.media.ImageOwner;

/** An image row: who uploaded it, what holds it (null while nothing does), and what its files are. */
record StoredImage(long id, String publicId, long uploaderId, String ownerKind, String ownerId, ImageFormat format,
        int width, int height, Instant createdAt, Instant attachedAt) {

    boolean heldBy(ImageOwner owner) {
        return owner.kind().equals(ownerKind) && owner.id().equals(ownerId);
    }

    boolean held() {
        return ownerKind != null;
    }

    List<String> keys() {
        return ImageKeys.keys(publicId, format);
    }

    ImageLinks links() {
        return ImageKeys.links(publicId, format);
    }
}
