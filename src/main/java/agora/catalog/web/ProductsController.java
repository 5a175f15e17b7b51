package agora.catalog.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.accounts.UserDirectory;
import agora.accounts.UserProfile;
import agora.catalog.internal.Product;
import agora.catalog.internal.ProductDraft;
import agora.catalog.internal.ProductPhotos;
import agora.catalog.internal.Products;
import agora.media.ImageLinks;
import agora.platform.ApiException;
import agora.platform.Timestamps;

/** Sellers' listings ({@code /api/products}). */
@RestController
class ProductsController {

    static final int MAX_LIMIT = 100;
    static final int MAX_OFFSET = 10_000;

    private final Products products;
    private final ProductPhotos photos;
    private final UserDirectory users;

    ProductsController(Products products, ProductPhotos photos, UserDirectory users) {
        this.products = products;
        this.photos = photos;
        this.users = users;
    }

    @PostMapping("/api/products")
    @ResponseStatus(HttpStatus.CREATED)
    ProductJson.ProductResponse create(CurrentUser user, @RequestBody ProductJson.DraftRequest request) {
        return one(products.create(user.id(), draft(request)));
    }

    @GetMapping("/api/products/{id}")
    ProductJson.ProductResponse get(Optional<CurrentUser> user, @PathVariable String id) {
        return one(products.find(user.map(CurrentUser::id).orElse(null), id));
    }

    @PutMapping("/api/products/{id}")
    ProductJson.ProductResponse update(CurrentUser user, @PathVariable String id,
            @RequestBody ProductJson.DraftRequest request) {
        return one(products.update(user.id(), id, draft(request)));
    }

    @DeleteMapping("/api/products/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlist(CurrentUser user, @PathVariable String id) {
        products.unlist(user.id(), id);
    }

    @GetMapping("/api/products")
    ProductJson.ProductsResponse list(Optional<CurrentUser> user, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String seller, @RequestParam(defaultValue = "false") boolean inStock,
            @RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw ApiException.invalid("offset", "must be between 0 and " + MAX_OFFSET);
        }
        var page = products.page(user.map(CurrentUser::id).orElse(null), blankToNull(tag), blankToNull(seller), inStock,
                limit, offset);
        return new ProductJson.ProductsResponse(json(page.products()), page.total());
    }

    private ProductJson.ProductResponse one(Product product) {
        return new ProductJson.ProductResponse(json(List.of(product)).getFirst());
    }

    private List<ProductJson.Product> json(List<Product> page) {
        Map<Long, UserProfile> sellers = users.findAllById(page.stream().map(Product::sellerId).toList());
        Map<String, ImageLinks> links = photos.links(page);
        return page.stream().map(p -> {
            var seller = sellers.get(p.sellerId());
            return new ProductJson.Product(p.publicId(), p.title(), p.description(),
                    new ProductJson.Price(p.priceAmount(), p.currency()), p.stock(), p.lowStockThreshold(), p.unitsSold(),
                    p.tags(),
                    ProductPhotos.urls(p, links), ProductPhotos.photos(p, links).stream()
                            .map(l -> new ProductJson.Photo(l.id(), l.small(), l.medium(), l.large())).toList(),
                    seller == null ? null : new ProductJson.Seller(seller.username(), seller.image()),
                    Timestamps.format(p.createdAt()), Timestamps.format(p.updatedAt()),
                    p.hidden() == null ? null
                            : new ProductJson.Hidden(p.hidden().reason(), Timestamps.format(p.hidden().at())));
        }).toList();
    }

    private static ProductDraft draft(ProductJson.DraftRequest request) {
        if (request.product() == null) {
            throw ApiException.invalid("product", "is required");
        }
        var d = request.product();
        var price = d.price();
        return new ProductDraft(d.title(), d.description(), price == null ? null : price.amount(),
                price == null ? null : price.currency(), d.stock(), d.lowStockThreshold(), d.tags(), d.images());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
