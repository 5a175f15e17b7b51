package agora.orders.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.orders.internal.Checkout;
import agora.orders.internal.CheckoutRequest;
import agora.orders.internal.OrderJson;
import agora.orders.internal.Orders;
import agora.orders.internal.Refunds;
import agora.orders.internal.StoredResponse;
import agora.platform.ApiException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkout and orders ({@code /api/orders}). Requests that move money or stock need an {@code Idempotency-Key};
 * their responses are kept and replayed byte for byte.
 */
@RestController
class OrdersController {

    static final int MAX_LIMIT = 100;
    static final int MAX_OFFSET = 10_000;

    private final Checkout checkout;
    private final Orders orders;
    private final Refunds refunds;
    private final JsonMapper json;

    OrdersController(Checkout checkout, Orders orders, Refunds refunds, JsonMapper json) {
        this.checkout = checkout;
        this.orders = orders;
        this.refunds = refunds;
        this.json = json;
    }

    record RefundRequest(Long amount) {
    }

    @PostMapping("/api/orders")
    ResponseEntity<String> checkout(CurrentUser user, @RequestHeader("Idempotency-Key") String key,
            @RequestBody CheckoutRequest request) {
        return http(checkout.checkout(user.id(), key, request));
    }

    @GetMapping("/api/orders")
    OrderJson.OrdersResponse list(CurrentUser user, @RequestParam(defaultValue = "buyer") String as,
            @RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (!as.equals("buyer") && !as.equals("seller")) {
            throw ApiException.invalid("as", "must be buyer or seller");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw ApiException.invalid("offset", "must be between 0 and " + MAX_OFFSET);
        }
        return orders.list(user, as.equals("seller"), limit, offset);
    }

    @GetMapping("/api/orders/{id}")
    OrderJson.OrderResponse get(CurrentUser user, @PathVariable String id) {
        return new OrderJson.OrderResponse(orders.view(user, id));
    }

    @PostMapping("/api/orders/{id}/cancel")
    ResponseEntity<String> cancel(CurrentUser user, @PathVariable String id,
            @RequestHeader("Idempotency-Key") String key) {
        return http(refunds.cancel(user, id, key));
    }

    @PostMapping("/api/orders/{id}/refund")
    ResponseEntity<String> refund(CurrentUser user, @PathVariable String id, @RequestHeader("Idempotency-Key") String key,
            @RequestBody(required = false) RefundRequest request) {
        return http(refunds.refund(user, id, key, request == null ? null : request.amount()));
    }

    @PostMapping("/api/orders/{id}/ship")
    OrderJson.OrderResponse ship(CurrentUser user, @PathVariable String id) {
        return new OrderJson.OrderResponse(orders.ship(user, id));
    }

    /** Successes go out as kept; errors through the platform's one error shape. */
    private ResponseEntity<String> http(StoredResponse response) {
        if (response.isError()) {
            throw response.asException(json);
        }
        return ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_JSON).body(response.body());
    }
}
