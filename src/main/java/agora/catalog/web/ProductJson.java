package agora.catalog.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

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

    /** Why and when a moderator took the product off sale; only its seller ever sees a hidden product. */
    record Hidden(String reason, String at) {
    }

    /**
     * {@code images} are URLs, uploaded photos' in the large size; {@code photos} has every size of those.
     * {@code hidden} is present only on a product a moderator hid.
     */
    record Product(String id, String title, String description, Price price, int stock, int lowStockThreshold,
            long unitsSold,
            List<String> tags, List<String> images, List<Photo> photos, Seller seller, String createdAt,
            String updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Hidden hidden) {
    }

    record ProductResponse(Product product) {
    }

    record ProductsResponse(List<Product> products, long productsCount) {
    }
}
