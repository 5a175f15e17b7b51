package agora.catalog.internal;

import java.time.Instant;
import java.util.List;

/**
 * A product as the catalog stores it; {@code stock} is what can still be bought, and its seller hears when it falls
 * to {@code lowStockThreshold}.
 */
public record Product(long id, String publicId, long sellerId, String title, String description, long priceAmount,
        String currency, int stock, int lowStockThreshold, long unitsSold, boolean listed, List<String> tags, List<ProductImage> images,
        Instant createdAt, Instant updatedAt) {

    Product with(List<String> tags, List<ProductImage> images) {
        return new Product(id, publicId, sellerId, title, description, priceAmount, currency, stock, lowStockThreshold, unitsSold, listed,
                tags, images, createdAt, updatedAt);
    }

    /** The ids of the photos uploaded for it, in order. */
    public List<String> uploadedImageIds() {
        return images.stream().filter(ProductImage::uploaded).map(ProductImage::imageId).toList();
    }
}
