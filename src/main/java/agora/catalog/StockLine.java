package agora.catalog;

/** A quantity of one product, as reserved, released, committed or restocked by an order. */
public record StockLine(long productId, int quantity) {
}
