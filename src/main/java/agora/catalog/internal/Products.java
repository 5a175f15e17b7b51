package agora.catalog.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.accounts.AccountStanding;
import agora.accounts.UserDirectory;
import agora.catalog.ProductListed;
import agora.catalog.ProductUnlisted;
import agora.catalog.ProductUpdated;
import agora.platform.ApiException;
import agora.platform.PublicIds;
import agora.social.Relationships;

/**
 * Sellers' listings: put on sale, change, take off sale; and the product list. What a viewer sees leaves out what
 * is off sale (except to its seller) and the products of sellers blocked either way.
 */
@Service
public class Products {

    /** When a seller does not say: the stock at which they hear that a product runs low. */
    static final int DEFAULT_LOW_STOCK_THRESHOLD = 5;

    /** A page of products and how many match the filter in all. */
    public record Page(List<Product> products, long total) {
    }

    private final ProductRepository products;
    private final ProductPhotos photos;
    private final UserDirectory users;
    private final AccountStanding standing;
    private final Relationships relationships;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Products(ProductRepository products, ProductPhotos photos, UserDirectory users, AccountStanding standing,
            Relationships relationships, ApplicationEventPublisher events, Clock clock) {
        this.products = products;
        this.photos = photos;
        this.users = users;
        this.standing = standing;
        this.relationships = relationships;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Product create(long sellerId, ProductDraft draft) {
        requireVerifiedSeller(sellerId);
        reject(ProductRules.problems(draft, true));
        var publicId = PublicIds.next("prd");
        var images = images(Objects.requireNonNullElse(draft.images(), List.of()));
        if (images.stream().anyMatch(ProductImage::uploaded)) {
            photos.attach(publicId, sellerId, images);
        }
        var id = products.insert(publicId, sellerId, draft.title().strip(),
                Objects.requireNonNullElse(draft.description(), ""), draft.priceAmount(), draft.currency(),
                draft.stock().intValue(),
                draft.lowStockThreshold() != null ? draft.lowStockThreshold().intValue() : DEFAULT_LOW_STOCK_THRESHOLD,
                ProductRules.normalizeTags(Objects.requireNonNullElse(draft.tags(), List.of())),
                images, clock.instant());
        events.publishEvent(new ProductListed(id));
        return products.findListed(List.of(id)).getFirst();
    }

    @Transactional
    public Product update(long userId, String publicId, ProductDraft sent) {
        var product = own(userId, publicId);
        var draft = sent.images() == null ? sent : sent.withImages(photos.asShown(product, sent.images()));
        reject(ProductRules.problems(draft, false));
        var images = product.images();
        if (draft.images() != null) {
            images = images(draft.images());
            photos.attach(product.publicId(), userId, images); // also deletes the photos it no longer has
        }
        var changed = new Product(product.id(), product.publicId(), product.sellerId(),
                draft.title() != null ? draft.title().strip() : product.title(),
                draft.description() != null ? draft.description() : product.description(),
                draft.priceAmount() != null ? draft.priceAmount() : product.priceAmount(),
                draft.currency() != null ? draft.currency() : product.currency(),
                draft.stock() != null ? draft.stock().intValue() : product.stock(),
                draft.lowStockThreshold() != null ? draft.lowStockThreshold().intValue() : product.lowStockThreshold(),
                product.unitsSold(), product.listed(), product.withdrawn(), product.hidden(),
                draft.tags() != null ? ProductRules.normalizeTags(draft.tags()) : product.tags(),
                images, product.createdAt(), product.updatedAt());
        products.update(changed, clock.instant());
        events.publishEvent(new ProductUpdated(product.id()));
        return products.findByPublicId(product.publicId()).orElseThrow();
    }

    /**
     * Takes the product off sale for good: nobody sees it again, so its uploaded photos are deleted. Orders keep
     * their lines (titles and prices, no photos); pending reservations still complete or return. Distinct from a
     * moderator's hide, which a moderator may undo: the seller may also withdraw a product a moderator hid.
     */
    @Transactional
    public void unlist(long userId, String publicId) {
        var product = own(userId, publicId);
        if (products.withdraw(product.id(), clock.instant())) {
            products.dropUploadedImages(product.id());
            photos.release(product.publicId());
            events.publishEvent(new ProductUnlisted(product.id()));
        }
    }

    /**
     * The product as the viewer (null: nobody signed in) may see it; 404 when it is off sale (unless theirs), withdrawn,
     * or its seller and the viewer have blocked each other (404, not 403, so a block is not revealed).
     */
    @Transactional(readOnly = true)
    public Product find(Long viewerId, String publicId) {
        return products.findByPublicId(publicId).filter(p -> p.visibleTo(viewerId))
                .filter(p -> viewerId == null || viewerId == p.sellerId()
                        || !relationships.blockedEitherWay(viewerId, p.sellerId()))
                .orElseThrow(() -> ApiException.notFound("product"));
    }

    /**
     * Products on sale, newest first, without those of sellers blocked either way; sellers listing their own also see
     * what moderators or a suspension keep off sale. An unknown seller name matches nothing.
     */
    @Transactional(readOnly = true)
    public Page page(Long viewerId, String tag, String sellerUsername, boolean inStock, int limit, int offset) {
        Long sellerId = null;
        if (sellerUsername != null) {
            var seller = users.findByUsername(sellerUsername);
            if (seller.isEmpty()) {
                return new Page(List.of(), 0);
            }
            sellerId = seller.get().id();
        }
        var sellersOwn = viewerId != null && viewerId.equals(sellerId);
        Set<Long> blocked = viewerId == null || sellersOwn ? Set.of() : relationships.filterFor(viewerId).blockedUsers();
        var filter = new ProductRepository.Filter(tag == null ? null : ProductRules.normalizeTags(List.of(tag)).getFirst(),
                sellerId, inStock, sellersOwn, blocked);
        return new Page(products.page(filter, limit, offset), products.count(filter));
    }

    private Product own(long userId, String publicId) {
        var product = find(userId, publicId);
        if (product.sellerId() != userId) {
            throw ApiException.forbidden("only the seller may change or delete this product");
        }
        return product;
    }

    private void requireVerifiedSeller(long userId) {
        if (!users.isEmailVerified(userId)) {
            throw ApiException.forbidden("verify your email address before selling");
        }
        // Suspension revokes sessions; this refuses a request that raced it.
        if (standing.isSuspended(userId)) {
            throw ApiException.forbidden("your account is suspended");
        }
    }

    private static List<ProductImage> images(List<String> sent) {
        return sent.stream().map(ProductImage::of).toList();
    }

    private static void reject(Map<String, List<String>> problems) {
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }
}
