package agora.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Products and their stock as orders use them. The stock operations join the caller's transaction, so an
 * order and its reservation commit or roll back together.
 */
public interface Inventory {

    Optional<ProductForSale> findByPublicId(String publicId);

    /** The products with the given ids (listed or not), by id. */
    Map<Long, ProductForSale> findAllById(Collection<Long> ids);

    /**
     * Takes the quantities out of stock, all or none: each product's stock is decremented only where it
     * suffices (a conditional update, so concurrent checkouts never oversell). Answers 409 naming the first
     * product that is short or no longer on sale.
     */
    void reserve(List<StockLine> lines);

    /** Gives reserved quantities back to stock (the checkout failed or expired). */
    void release(List<StockLine> lines);

    /** Makes reserved quantities sold: they count towards the products' units sold. */
    void commit(List<StockLine> lines);

    /** Takes sold quantities back into stock (the order was cancelled before shipping). */
    void restock(List<StockLine> lines);
}
