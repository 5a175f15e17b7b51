package agora.orders.web;

import java.util.List;

/** The cart's request and response bodies. Amounts are minor units of their currency. */
final class CartJson {

    private CartJson() {
    }

    record Quantity(Long quantity) {
    }

    record Price(long amount, String currency) {
    }

    record Product(String id, String title, Price price, int stock) {
    }

    /** @param available false when checkout would refuse it: off sale, or not sold to this buyer */
    record Item(Product product, int quantity, long lineTotal, boolean available) {
    }

    /** @param totals what the cart comes to, per currency (an order is paid in one) */
    record Cart(List<Item> items, List<Price> totals) {
    }

    record CartResponse(Cart cart) {
    }
}
