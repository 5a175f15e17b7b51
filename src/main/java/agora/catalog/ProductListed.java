package agora.catalog;

/** Published in the transaction that puts a new product on sale. */
public record ProductListed(long productId) {
}
