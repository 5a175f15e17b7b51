package agora.media.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.media.ImageLinks;
import agora.media.ImageOwner;
import agora.media.Images;
import agora.platform.ApiException;

/**
 * {@link Images} on the images table. Rows change in the caller's transaction; files of deleted images are deleted
 * once it commits ({@link FileRemoval}).
 */
@Service
class StoredImages implements Images {

    private final ImageRepository images;
    private final FileRemoval files;
    private final Clock clock;

    StoredImages(ImageRepository images, FileRemoval files, Clock clock) {
        this.images = images;
        this.files = files;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<ImageLinks> attach(ImageOwner owner, long uploaderId, List<String> imageIds, String field) {
        if (imageIds == null || imageIds.stream().anyMatch(Objects::isNull)
                || new HashSet<>(imageIds).size() != imageIds.size()) {
            throw ApiException.invalid(field, "must name each image once");
        }
        var found = images.findAll(imageIds).stream()
                .collect(Collectors.toMap(StoredImage::publicId, Function.identity()));
        for (var id : imageIds) {
            var image = found.get(id);
            if (image == null || image.uploaderId() != uploaderId) {
                throw ApiException.invalid(field, "image " + id + " is not one of your uploads");
            }
            if (image.held() && !image.heldBy(owner)) {
                throw ApiException.invalid(field, "image " + id + " is already used elsewhere");
            }
        }
        for (var dropped : images.ownedBy(owner.kind(), owner.id())) {
            if (!found.containsKey(dropped.publicId())) {
                remove(dropped);
            }
        }
        var now = clock.instant();
        for (int position = 0; position < imageIds.size(); position++) {
            var image = found.get(imageIds.get(position));
            // Conditional: another owner's attach or the sweep may have got there since the read above.
            if (!images.attach(image.id(), owner.kind(), owner.id(), position, now)) {
                throw ApiException.invalid(field, "image " + image.publicId() + " is already used elsewhere");
            }
        }
        return imageIds.stream().map(id -> found.get(id).links()).toList();
    }

    @Override
    @Transactional
    public void release(ImageOwner owner) {
        images.ownedBy(owner.kind(), owner.id()).forEach(this::remove);
    }

    @Override
    @Transactional
    public void releaseAllUploadedBy(long uploaderId) {
        images.uploadedBy(uploaderId).forEach(this::remove);
        images.forgetUploadsBy(uploaderId);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, ImageLinks> links(Collection<String> imageIds) {
        var links = new LinkedHashMap<String, ImageLinks>();
        images.findAll(imageIds.stream().filter(Objects::nonNull).distinct().toList())
                .forEach(image -> links.put(image.publicId(), image.links()));
        return links;
    }

    private void remove(StoredImage image) {
        if (images.delete(image.id())) {
            files.afterCommit(image.keys());
        }
    }
}
