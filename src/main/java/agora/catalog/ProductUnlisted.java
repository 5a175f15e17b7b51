package agora.catalog;

/** Published in the transaction that takes a product off sale (its seller "deleted" it). */
public record ProductUnlisted(long productId) {
}
