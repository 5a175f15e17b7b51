package agora.catalog.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.catalog.Inventory;
import agora.catalog.ProductForSale;
import agora.catalog.ProductUpdated;
import agora.catalog.StockLine;
import agora.catalog.StockRunningLow;
import agora.platform.ApiException;
import agora.platform.Sql;

/**
 * Stock moves by conditional updates only, so concurrent checkouts can never take it below zero. Rows are
 * touched in product id order, so two checkouts of overlapping carts cannot deadlock.
 */
@Service
class Stock implements Inventory {

    private final JdbcClient jdbc;
    private final ProductRepository products;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Stock(JdbcClient jdbc, ProductRepository products, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<ProductForSale> findByPublicId(String publicId) {
        return products.findBareByPublicId(publicId).map(Stock::forSale);
    }

    @Override
    public Map<Long, ProductForSale> findAllById(Collection<Long> ids) {
        return products.findAllById(ids).stream().map(Stock::forSale)
                .collect(Collectors.toMap(ProductForSale::id, Function.identity()));
    }

    /**
     * A reservation that leaves stock over changes nothing a shopper sees (the sale, or the release, does later);
     * only the one that takes the last units changes the product, which is then out of stock. So the common
     * case (stock stays above the low-stock threshold) is one update that publishes nothing; one that leaves the
     * stock at or below the threshold takes a second update and may tell the seller, the last units a third.
     */
    @Override
    @Transactional
    public void reserve(List<StockLine> lines) {
        for (var line : inIdOrder(lines)) {
            if (take(line, "stock - ? > low_stock_threshold") == 1) {
                continue;
            }
            if (take(line, "stock > ?") == 1) {
                reportLow(line);
                continue;
            }
            if (take(line, "stock = ?") == 0) {
                throw shortOf(line);
            }
            reportLow(line);
            events.publishEvent(new ProductUpdated(line.productId()));
        }
    }

    /** The reservation left the stock at or below the threshold: the seller hears if it crossed it (or hit zero). */
    private void reportLow(StockLine line) {
        var product = products.findBareById(line.productId()).orElseThrow();
        if (StockLevels.crossed(product.stock() + line.quantity(), product.stock(), product.lowStockThreshold())) {
            events.publishEvent(new StockRunningLow(product.publicId(), product.title(), product.sellerId(),
                    product.stock(), product.lowStockThreshold(), clock.instant()));
        }
    }

    private int take(StockLine line, String enough) {
        return jdbc.sql("update products set stock = stock - ?, updated_at = ? where id = ? and listed = true and "
                + enough).params(line.quantity(), now(), line.productId(), line.quantity()).update();
    }

    @Override
    @Transactional
    public void release(List<StockLine> lines) {
        move(lines, "update products set stock = stock + ?, updated_at = ? where id = ?");
    }

    @Override
    @Transactional
    public void commit(List<StockLine> lines) {
        move(lines, "update products set units_sold = units_sold + ?, updated_at = ? where id = ?");
    }

    @Override
    @Transactional
    public void restock(List<StockLine> lines) {
        for (var line : inIdOrder(lines)) {
            jdbc.sql("""
                    update products set stock = stock + ?, units_sold = units_sold - ?, updated_at = ?
                    where id = ?""")
                    .params(line.quantity(), line.quantity(), now(), line.productId()).update();
            events.publishEvent(new ProductUpdated(line.productId()));
        }
    }

    private void move(List<StockLine> lines, String sql) {
        for (var line : inIdOrder(lines)) {
            jdbc.sql(sql).params(line.quantity(), now(), line.productId()).update();
            events.publishEvent(new ProductUpdated(line.productId()));
        }
    }

    private ApiException shortOf(StockLine line) {
        var product = products.findAllById(List.of(line.productId())).stream().findFirst();
        if (product.isEmpty() || !product.get().listed()) {
            var name = product.map(Product::publicId).orElse("unknown");
            return ApiException.conflict("unavailable", "product", "product " + name + " is no longer on sale");
        }
        var p = product.get();
        return ApiException.conflict("out-of-stock", "product", "not enough stock of product " + p.publicId() + " ("
                + p.title() + "): " + line.quantity() + " wanted, " + p.stock() + " left");
    }

    private OffsetDateTime now() {
        return Sql.timestamp(clock.instant());
    }

    private static List<StockLine> inIdOrder(List<StockLine> lines) {
        return lines.stream().sorted(Comparator.comparingLong(StockLine::productId)).toList();
    }

    private static ProductForSale forSale(Product p) {
        return new ProductForSale(p.id(), p.publicId(), p.sellerId(), p.title(), p.priceAmount(), p.currency(),
                p.stock(), p.listed());
    }
}
