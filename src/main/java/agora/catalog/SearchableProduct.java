package agora.catalog;

import java.time.Instant;
import java.util.List;

/**
 * What a search index needs to know about a listed product. Prices are minor units of {@code currency}.
 *
 * @param thumbnail the picture for a result list: the first uploaded photo (medium size), else the first image
 *        URL; null when it has none
 */
public record SearchableProduct(long id, String publicId, String title, String description, List<String> tags,
        long priceAmount, String currency, long sellerId, String sellerUsername, int stock, long unitsSold,
        Instant createdAt, Instant updatedAt, String thumbnail) {
}
