package agora.orders.web;

import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.orders.internal.Cart;

/** The signed-in user's cart ({@code /api/cart}). */
@RestController
class CartController {

    private final Cart cart;

    CartController(Cart cart) {
        this.cart = cart;
    }

    @GetMapping("/api/cart")
    CartJson.CartResponse get(CurrentUser user) {
        return json(cart.items(user.id()));
    }

    @PutMapping("/api/cart/items/{productId}")
    CartJson.CartResponse put(CurrentUser user, @PathVariable String productId, @RequestBody CartJson.Quantity body) {
        return json(cart.put(user.id(), productId, body.quantity()));
    }

    @DeleteMapping("/api/cart/items/{productId}")
    CartJson.CartResponse remove(CurrentUser user, @PathVariable String productId) {
        return json(cart.remove(user.id(), productId));
    }

    private static CartJson.CartResponse json(List<Cart.Item> items) {
        var totals = new LinkedHashMap<String, Long>();
        items.forEach(i -> totals.merge(i.product().currency(), i.lineTotal(), Long::sum));
        return new CartJson.CartResponse(new CartJson.Cart(
                items.stream().map(i -> new CartJson.Item(new CartJson.Product(i.product().publicId(),
                        i.product().title(), new CartJson.Price(i.product().priceAmount(), i.product().currency()),
                        i.product().stock()), i.quantity(), i.lineTotal(), i.available())).toList(),
                totals.entrySet().stream().map(e -> new CartJson.Price(e.getValue(), e.getKey())).toList()));
    }
}
