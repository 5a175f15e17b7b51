package agora.orders.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.catalog.Inventory;
import agora.catalog.ProductForSale;
import agora.platform.ApiException;
import agora.social.Relationships;

/** A user's server-side cart. It holds products and quantities; prices are read when it is shown or bought. */
@Service
public class Cart {

    /**
     * A cart item with its product as it is now. {@code available}: the buyer may buy it now (it is on sale and its
     * seller and the buyer have not blocked each other); checkout refuses a cart holding one that is not.
     */
    public record Item(ProductForSale product, int quantity, boolean available) {

        public long lineTotal() {
            return product.priceAmount() * quantity;
        }
    }

    private final CartRepository carts;
    private final Inventory inventory;
    private final Relationships relationships;
    private final OrdersProperties properties;
    private final Clock clock;

    Cart(CartRepository carts, Inventory inventory, Relationships relationships, OrdersProperties properties,
            Clock clock) {
        this.carts = carts;
        this.inventory = inventory;
        this.relationships = relationships;
        this.properties = properties;
        this.clock = clock;
    }

    public List<Item> items(long userId) {
        return withProducts(userId, carts.items(userId), Map.of());
    }

    /** The items with their products, reading from the catalog only those not already in {@code known}. */
    private List<Item> withProducts(long userId, List<CartRepository.Item> items, Map<Long, ProductForSale> known) {
        var missing = items.stream().map(CartRepository.Item::productId).filter(id -> !known.containsKey(id)).toList();
        var products = new HashMap<>(known);
        if (!missing.isEmpty()) {
            products.putAll(inventory.findAllById(missing));
        }
        var blocked = items.isEmpty() ? Set.<Long>of() : relationships.filterFor(userId).blockedUsers();
        return items.stream().filter(i -> products.containsKey(i.productId())).map(i -> {
            var product = products.get(i.productId());
            return new Item(product, i.quantity(), product.listed() && !blocked.contains(product.sellerId()));
        }).toList();
    }

    @Transactional
    public List<Item> put(long userId, String productPublicId, Long quantity) {
        if (quantity == null || quantity < 1 || quantity > properties.maxQuantity()) {
            throw ApiException.invalid("quantity", "must be between 1 and " + properties.maxQuantity());
        }
        var product = inventory.findByPublicId(productPublicId).filter(ProductForSale::listed)
                .orElseThrow(() -> ApiException.notFound("product"));
        if (product.sellerId() == userId) {
            throw ApiException.invalid("product", "is your own; you can't buy it");
        }
        // Neither side of a block buys from the other; 404 as for any product the buyer cannot see.
        if (relationships.blockedEitherWay(userId, product.sellerId())) {
            throw ApiException.notFound("product");
        }
        var items = carts.items(userId);
        var present = items.stream().anyMatch(i -> i.productId() == product.id());
        if (!present && items.size() >= properties.maxCartItems()) {
            throw ApiException.invalid("cart", "holds at most " + properties.maxCartItems() + " different products");
        }
        carts.put(userId, product.id(), quantity.intValue(), clock.instant());
        // The cart as it is now, without reading it back.
        var after = new ArrayList<CartRepository.Item>();
        items.forEach(i -> after.add(i.productId() == product.id() ? new CartRepository.Item(i.productId(),
                quantity.intValue()) : i));
        if (!present) {
            after.add(new CartRepository.Item(product.id(), quantity.intValue()));
        }
        return withProducts(userId, after, Map.of(product.id(), product));
    }

    @Transactional
    public List<Item> remove(long userId, String productPublicId) {
        var product = inventory.findByPublicId(productPublicId).orElseThrow(() -> ApiException.notFound("product"));
        if (!carts.remove(userId, product.id())) {
            throw ApiException.notFound("cart item");
        }
        return items(userId);
    }
}
