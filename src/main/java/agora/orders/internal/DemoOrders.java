package agora.orders.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import agora.accounts.UserDirectory;
import agora.catalog.ProductCatalog;
import agora.platform.DemoSeeding;

/**
 * On the first start without orders, carol buys bob's walnut cutting board through the real checkout (the
 * sandbox bank, {@code pm_card_visa}), so the demo has a paid order. A node dying mid-checkout leaves an order
 * whose payment reconciliation settles, like any other.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
@ConditionalOnBooleanProperty("agora.demo-data.enabled")
class DemoOrders implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final ProductCatalog catalog;
    private final Cart cart;
    private final Checkout checkout;
    private final DemoSeeding seeding;

    DemoOrders(JdbcClient jdbc, UserDirectory users, ProductCatalog catalog, Cart cart, Checkout checkout,
            DemoSeeding seeding) {
        this.jdbc = jdbc;
        this.users = users;
        this.catalog = catalog;
        this.cart = cart;
        this.checkout = checkout;
        this.seeding = seeding;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeding.seed("orders", () -> {
            if (!jdbc.sql("select exists (select 1 from orders)").query(Boolean.class).single()) {
                seed();
            }
        });
    }

    private void seed() {
        var carol = users.findByUsername("carol");
        var board = catalog.listAfter(0, 100).stream()
                .filter(p -> "bob".equals(p.sellerUsername()) && p.title().equals("Walnut cutting board")).findFirst();
        if (carol.isEmpty() || board.isEmpty()) {
            return;
        }
        cart.put(carol.get().id(), board.get().publicId(), 1L);
        var response = checkout.checkout(carol.get().id(), "demo-order-1", new CheckoutRequest("pm_card_visa",
                new ShippingAddress("Carol Demo", "1 Baker Street", null, "London", "NW1 6XE", "GB")));
        log.info("Demo data: carol bought bob's walnut cutting board (checkout answered {})", response.status());
    }
}
