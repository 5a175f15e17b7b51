package agora.catalog.web;

import java.util.List;

/** Request and response bodies for products, in RealWorld-style envelopes. */
final class ProductJson {

    private ProductJson() {
    }

    record Price(Long amount, String currency) {
    }

    /** @param lowStockThreshold optional: the seller hears when the stock falls to it (default 5) */
    record Draft(String title, String description, Price price, Long stock, Long lowStockThreshold, List<String> tags,
            List<String> images) {
    }

    record DraftRequest(Draft product) {
    }

    record Seller(String username, String image) {
    }

    /** An uploaded photo's URLs: 160, 480 and 1200 px on the long side. */
    record Photo(String id, String small, String medium, String large) {
    }

    /** {@code images} are URLs, uploaded photos' in the large size; {@code photos} has every size of those. */
    record Product(String id, String title, String description, Price price, int stock, int lowStockThreshold,
            long unitsSold,
            List<String> tags, List<String> images, List<Photo> photos, Seller seller, String createdAt,
            String updatedAt) {
    }

    record ProductResponse(Product product) {
    }

    record ProductsResponse(List<Product> products, long productsCount) {
    }
}
