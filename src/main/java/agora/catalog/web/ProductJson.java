package agora.catalog.web;

import java.util.List;

/** Request and response bodies for products, in RealWorld-style envelopes. */
final class ProductJson {

    private ProductJson() {
    }

    record Price(Long amount, String currency) {
    }

    record Draft(String title, String description, Price price, Long stock, List<String> tags, List<String> images) {
    }

    record DraftRequest(Draft product) {
    }

    record Seller(String username, String image) {
    }

    record Product(String id, String title, String description, Price price, int stock, long unitsSold,
            List<String> tags, List<String> images, Seller seller, String createdAt, String updatedAt) {
    }

    record ProductResponse(Product product) {
    }

    record ProductsResponse(List<Product> products, long productsCount) {
    }
}
