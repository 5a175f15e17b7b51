package agora.media;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Uploaded images as other modules use them: attached to what they own, linked, and deleted with it. */
public interface Images {

    /**
     * Makes {@code imageIds} the images of {@code owner}, in this order, replacing the ones it had: those it no
     * longer has are deleted, files included, once the caller's transaction commits. Each id must be an image
     * that {@code uploaderId} uploaded and that nothing else holds; otherwise an
     * {@link agora.platform.ApiException} 422 names {@code field}.
     */
    List<ImageLinks> attach(ImageOwner owner, long uploaderId, List<String> imageIds, String field);

    /** Deletes every image of {@code owner}, files included once the caller's transaction commits. */
    void release(ImageOwner owner);

    /** Deletes every image {@code uploaderId} uploaded, attached or not (their account is going). */
    void releaseAllUploadedBy(long uploaderId);

    /** The links of the images among {@code imageIds} that exist, by id, in one query. */
    Map<String, ImageLinks> links(Collection<String> imageIds);
}
