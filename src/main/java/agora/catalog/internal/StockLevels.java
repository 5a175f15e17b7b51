package agora.catalog.internal;

/** When a change of stock is worth telling the seller about. */
final class StockLevels {

    private StockLevels() {
    }

    /**
     * Whether stock going from {@code before} to {@code after} crossed the low-stock threshold from above, or
     * reached zero: a sale that leaves the stock below the threshold, already below it, crosses nothing.
     */
    static boolean crossed(int before, int after, int threshold) {
        return after < before && (after == 0 || before > threshold && after <= threshold);
    }
}
