package agora.catalog;

/**
 * Published in the transaction that puts a product on sale: a new product, or one back on sale after a moderator
 * restored it or its seller's suspension was lifted.
 */
public record ProductListed(long productId) {
}
