package agora.catalog.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

import agora.accounts.UserDirectory;
import agora.catalog.ProductCatalog;
import agora.catalog.SearchableProduct;

@Service
class CatalogView implements ProductCatalog {

    private static final int MAX_BATCH = 1000;

    private final ProductRepository products;
    private final ProductPhotos photos;
    private final UserDirectory users;

    CatalogView(ProductRepository products, ProductPhotos photos, UserDirectory users) {
        this.products = products;
        this.photos = photos;
        this.users = users;
    }

    @Override
    public List<SearchableProduct> findAllById(Collection<Long> ids) {
        return searchable(products.findListed(ids));
    }

    @Override
    public List<SearchableProduct> listAfter(long afterId, int limit) {
        return searchable(products.listedAfter(afterId, Math.max(0, Math.min(limit, MAX_BATCH))));
    }

    private List<SearchableProduct> searchable(List<Product> page) {
        var sellers = users.findAllById(page.stream().map(Product::sellerId).toList());
        var links = photos.links(page);
        return page.stream().map(p -> new SearchableProduct(p.id(), p.publicId(), p.title(), p.description(), p.tags(),
                p.priceAmount(), p.currency(), p.sellerId(),
                sellers.containsKey(p.sellerId()) ? sellers.get(p.sellerId()).username() : null, p.stock(),
                p.unitsSold(), p.createdAt(), p.updatedAt(), ProductPhotos.thumbnail(p, links))).toList();
    }
}
