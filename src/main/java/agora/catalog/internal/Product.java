package agora.catalog.internal;

import java.time.Instant;
import java.util.List;

/**
 * A product as the catalog stores it; {@code stock} is what can still be bought, and its seller hears when it falls
 * to {@code lowStockThreshold}. {@code listed} means on sale: not {@code withdrawn} by its seller, not hidden by a
 * moderator ({@code hidden} is null), and its seller not suspended.
 */
public record Product(long id, String publicId, long sellerId, String title, String description, long priceAmount,
        String currency, int stock, int lowStockThreshold, long unitsSold, boolean listed, boolean withdrawn,
        Hidden hidden, List<String> tags, List<ProductImage> images, Instant createdAt, Instant updatedAt) {

    /** A moderator took the product off sale, and why; its seller sees this. */
    public record Hidden(String reason, Instant at) {
    }

    Product with(List<String> tags, List<ProductImage> images) {
        return new Product(id, publicId, sellerId, title, description, priceAmount, currency, stock, lowStockThreshold,
                unitsSold, listed, withdrawn, hidden, tags, images, createdAt, updatedAt);
    }

    /**
     * Whether the viewer (null: nobody signed in) may see it at all: everyone while it is on sale, its seller also
     * while a moderator or a suspension keeps it off sale; nobody once its seller withdrew it. Blocks come on top.
     */
    public boolean visibleTo(Long viewerId) {
        return listed || !withdrawn && viewerId != null && viewerId == sellerId;
    }

    /** The ids of the photos uploaded for it, in order. */
    public List<String> uploadedImageIds() {
        return images.stream().filter(ProductImage::uploaded).map(ProductImage::imageId).toList();
    }
}
