package agora.catalog;

/**
 * Published in the transaction that changes a listed product: its seller's edits, and changes of its stock
 * or units sold by checkouts.
 */
public record ProductUpdated(long productId) {
}
