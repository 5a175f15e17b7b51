package agora.catalog.internal;

import java.time.Clock;
import java.util.OptionalLong;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.catalog.ProductListed;
import agora.catalog.ProductModeration;
import agora.catalog.ProductUnlisted;

/**
 * Moderators' hiding of products. The hide is its own marker, apart from the seller's withdrawal and a suspension,
 * so restoring puts a product back on sale only if nothing else keeps it off. Both are idempotent: hiding a hidden
 * product keeps its first reason and time.
 */
@Service
class HiddenProducts implements ProductModeration {

    /** The column's width; moderators' reasons are checked by the moderation module, this only keeps them storable. */
    static final int MAX_REASON = 500;

    private final ProductRepository products;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HiddenProducts(ProductRepository products, ApplicationEventPublisher events, Clock clock) {
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public OptionalLong seller(String productId) {
        return products.findBareByPublicId(productId).map(p -> OptionalLong.of(p.sellerId()))
                .orElse(OptionalLong.empty());
    }

    @Override
    @Transactional
    public boolean hide(String productId, String reason) {
        var product = products.findBareByPublicId(productId);
        if (product.isEmpty()) {
            return false;
        }
        if (products.hide(product.get().id(), storable(reason), clock.instant())) {
            events.publishEvent(new ProductUnlisted(product.get().id()));
        }
        return true;
    }

    @Override
    @Transactional
    public boolean restore(String productId) {
        var product = products.findBareByPublicId(productId);
        if (product.isEmpty()) {
            return false;
        }
        var id = product.get().id();
        if (products.restore(id) && products.findBareById(id).orElseThrow().listed()) {
            events.publishEvent(new ProductListed(id));
        }
        return true;
    }

    private static String storable(String reason) {
        var stripped = reason == null ? "" : reason.strip();
        return stripped.length() <= MAX_REASON ? stripped : stripped.substring(0, MAX_REASON);
    }
}
