package agora.catalog.internal;

import java.time.Instant;
import java.util.List;

/** A product as the catalog stores it; {@code stock} is what can still be bought. */
public record Product(long id, String publicId, long sellerId, String title, String description, long priceAmount,
        String currency, int stock, long unitsSold, boolean listed, List<String> tags, List<ProductImage> images,
        Instant createdAt, Instant updatedAt) {

    Product with(List<String> tags, List<ProductImage> images) {
        return new Product(id, publicId, sellerId, title, description, priceAmount, currency, stock, unitsSold, listed,
                tags, images, createdAt, updatedAt);
    }

    /** The ids of the photos uploaded for it, in order. */
    public List<String> uploadedImageIds() {
        return images.stream().filter(ProductImage::uploaded).map(ProductImage::imageId).toList();
    }
}
