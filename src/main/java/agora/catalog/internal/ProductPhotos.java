package agora.catalog.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import agora.media.ImageLinks;
import agora.media.ImageOwner;
import agora.media.Images;

/**
 * The uploaded photos of products, kept by the media module: attached in the product's transaction, linked a
 * page at a time, deleted when the product goes off sale.
 */
@Component
public class ProductPhotos {

    private final Images images;

    ProductPhotos(Images images) {
        this.images = images;
    }

    /** Makes these the product's photos, in order; those it no longer has are deleted. 422 for others' images. */
    void attach(String productPublicId, long sellerId, List<ProductImage> productImages) {
        var ids = productImages.stream().filter(ProductImage::uploaded).map(ProductImage::imageId).toList();
        images.attach(ImageOwner.product(productPublicId), sellerId, ids, "images");
    }

    void release(String productPublicId) {
        images.release(ImageOwner.product(productPublicId));
    }

    /** The links of every uploaded photo of these products, by image id, in one call. */
    public Map<String, ImageLinks> links(Collection<Product> products) {
        var ids = products.stream().flatMap(p -> p.uploadedImageIds().stream()).toList();
        return ids.isEmpty() ? Map.of() : images.links(ids);
    }

    /**
     * A client that sends a product's images back as it was shown them sends its photos' large URLs: those
     * stay the photos they show, rather than becoming URLs of photos this change would delete.
     */
    List<String> asShown(Product product, List<String> sent) {
        if (product.uploadedImageIds().isEmpty()) {
            return sent;
        }
        var byLargeUrl = links(List.of(product)).values().stream()
                .collect(Collectors.toMap(ImageLinks::large, ImageLinks::id, (a, b) -> a));
        return sent.stream().map(image -> byLargeUrl.getOrDefault(image, image)).toList();
    }

    /** The product's image URLs in order: external ones as they are, uploaded ones in the large size. */
    public static List<String> urls(Product product, Map<String, ImageLinks> links) {
        return product.images().stream().map(image -> image.uploaded()
                ? links.containsKey(image.imageId()) ? links.get(image.imageId()).large() : null
                : image.url()).filter(Objects::nonNull).toList();
    }

    /** The links of the product's uploaded photos that still exist, in order. */
    public static List<ImageLinks> photos(Product product, Map<String, ImageLinks> links) {
        return product.uploadedImageIds().stream().map(links::get).filter(Objects::nonNull).toList();
    }

    /** What a result list shows: the first uploaded photo (medium size), else the first image URL, else null. */
    static String thumbnail(Product product, Map<String, ImageLinks> links) {
        var photos = photos(product, links);
        if (!photos.isEmpty()) {
            return photos.getFirst().medium();
        }
        return product.images().stream().filter(image -> !image.uploaded()).map(ProductImage::url).findFirst()
                .orElse(null);
    }
}
