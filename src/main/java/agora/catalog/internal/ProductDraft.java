package agora.catalog.internal;

import java.util.List;

/**
 * What a seller sends to create or change a product. On a change, null fields stay as they are.
 * Numbers are {@code Long} so that absurd values are reported as a field error, not as unreadable JSON.
 * {@code images} are http(s) URLs or ids of uploaded photos ({@code img_…}), in the order to show them.
 */
public record ProductDraft(String title, String description, Long priceAmount, String currency, Long stock,
        Long lowStockThreshold, List<String> tags, List<String> images) {

    ProductDraft withImages(List<String> changed) {
        return new ProductDraft(title, description, priceAmount, currency, stock, lowStockThreshold, tags, changed);
    }
}
