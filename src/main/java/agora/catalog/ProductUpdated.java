package agora.catalog;

/**
 * Published in the transaction that changes a listed product: its seller's edits, its units sold, stock given
 * back, and a reservation that sells it out (one that leaves stock over changes nothing a shopper sees).
 */
public record ProductUpdated(long productId) {
}
