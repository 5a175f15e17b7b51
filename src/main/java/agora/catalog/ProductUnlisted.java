package agora.catalog;

/**
 * Published in the transaction that takes a product off sale: its seller "deleted" it, a moderator hid it, or its
 * seller was suspended.
 */
public record ProductUnlisted(long productId) {
}
