package agora.catalog;

import java.time.Instant;

/**
 * Published in the transaction whose reservation made a product's stock fall to its low-stock threshold (from
 * above it) or to zero: once per crossing, not for every sale below it.
 *
 * @param productId the product's public id
 * @param remaining the units left ({@code 0}: out of stock)
 */
public record StockRunningLow(String productId, String title, long sellerId, int remaining, int threshold,
        Instant at) {
}
