package agora.search.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import agora.catalog.ProductCatalog;
import agora.catalog.ProductListed;
import agora.catalog.ProductUnlisted;
import agora.catalog.ProductUpdated;
import agora.catalog.SearchableProduct;
import agora.platform.Timestamps;

/**
 * Products on sale, from the catalog module: title, tags and description, with the seller's name, the price
 * for filters, facets and sorting, units sold as their popularity, and a thumbnail for results. Unlisted products
 * are absent from {@link ProductCatalog#findAllById}, so they leave the index (or never enter it).
 */
@Component
class ProductSource extends ModuleSource<SearchableProduct> {

    static final String NAME = "products";

    ProductSource(ProductCatalog products, ChangeLog changes) {
        super(NAME, 2, SearchType.PRODUCT, changes, products::findAllById, products::listAfter, SearchableProduct::id);
    }

    @EventListener
    void on(ProductListed event) {
        changed(event.productId());
    }

    @EventListener
    void on(ProductUpdated event) {
        changed(event.productId());
    }

    @EventListener
    void on(ProductUnlisted event) {
        changed(event.productId());
    }

    @Override
    SearchDocument document(SearchableProduct product) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("description", product.description());
        fields.put("tags", product.tags());
        fields.put("price", Map.of("amount", product.priceAmount(), "currency", product.currency()));
        fields.put("seller", product.sellerUsername());
        fields.put("inStock", product.stock() > 0);
        fields.put("createdAt", Timestamps.format(product.createdAt()));
        fields.put("thumbnail", product.thumbnail());
        return new SearchDocument(SearchType.PRODUCT, product.id(), product.publicId(), product.title(),
                product.tags(), product.sellerUsername(), product.sellerId(), product.description(), null,
                new SearchDocument.Price(product.priceAmount(), product.currency()), product.unitsSold(),
                product.createdAt(), fields);
    }
}
