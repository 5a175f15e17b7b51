package agora.catalog;

/** A product as a checkout sees it: its current price and available stock. */
public record ProductForSale(long id, String publicId, long sellerId, String title, long priceAmount,
        String currency, int stock, boolean listed) {
}
