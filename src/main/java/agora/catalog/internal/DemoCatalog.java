package agora.catalog.internal;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.UserDirectory;
import agora.platform.DemoSeeding;
import agora.platform.PublicIds;

/**
 * On the first start with an empty catalog, bob and dave (verified demo users) put products on sale, in one
 * transaction.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@ConditionalOnBooleanProperty("agora.demo-data.enabled")
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    record DemoProduct(String seller, String title, String description, long price, int stock, List<String> tags) {
    }

    static final List<DemoProduct> PRODUCTS = List.of(
            new DemoProduct("bob", "Walnut cutting board", "End-grain walnut, 40 x 30 cm, oiled with food-safe oil.",
                    8900, 12, List.of("kitchen", "woodwork")),
            new DemoProduct("bob", "Oak serving tray", "Solid oak with brass handles.", 6500, 5,
                    List.of("kitchen", "woodwork")),
            new DemoProduct("bob", "Beech spoon set", "Three hand-carved beech spoons.", 2400, 30,
                    List.of("kitchen", "woodwork")),
            new DemoProduct("dave", "Tactile switch sampler", "Twelve tactile switches to try before you build.",
                    1500, 40, List.of("keyboards")),
            new DemoProduct("dave", "Walnut wrist rest", "Fits a tenkeyless keyboard.", 3500, 8,
                    List.of("keyboards", "woodwork")),
            new DemoProduct("dave", "Custom keycap set", "PBT, double-shot legends, 140 keys.", 11900, 3,
                    List.of("keyboards")));

    private final ProductRepository products;
    private final UserDirectory users;
    private final TransactionTemplate transaction;
    private final DemoSeeding seeding;
    private final Clock clock;

    DemoCatalog(ProductRepository products, UserDirectory users, TransactionTemplate transaction, DemoSeeding seeding,
            Clock clock) {
        this.products = products;
        this.users = users;
        this.transaction = transaction;
        this.seeding = seeding;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeding.seed("products", () -> {
            if (products.isEmpty()) {
                seed();
            }
        });
    }

    private void seed() {
        int created = transaction.execute(tx -> {
            int inserted = 0;
            for (var demo : PRODUCTS) {
                var seller = users.findByUsername(demo.seller());
                if (seller.isEmpty()) {
                    continue;
                }
                products.insert(PublicIds.next("prd"), seller.get().id(), demo.title(), demo.description(),
                        demo.price(), "EUR", demo.stock(), Products.DEFAULT_LOW_STOCK_THRESHOLD, demo.tags(), List.of(), clock.instant());
                inserted++;
            }
            return inserted;
        });
        if (created > 0) {
            log.info("Demo data: {} products on sale by bob and dave", created);
        }
    }
}
