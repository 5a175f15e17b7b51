package agora.orders.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.AccountStanding;
import agora.catalog.Inventory;
import agora.catalog.StockLine;
import agora.payments.PaymentRequest;
import agora.payments.Payments;
import agora.platform.ApiException;
import agora.platform.PublicIds;
import agora.social.Relationships;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a cart into an order in three steps: (1) one transaction reserves the stock and records the order as
 * PAYMENT_PENDING; (2) outside any transaction the provider charges, under a key derived from the order;
 * (3) one transaction marks the order PAID or PAYMENT_FAILED. If the process dies between the steps or the
 * provider's answer is lost, the order stays pending until {@link Reconciliation} settles it.
 */
@Service
public class Checkout {

    private final CartRepository carts;
    private final OrderRepository orders;
    private final Inventory inventory;
    private final AccountStanding standing;
    private final Relationships relationships;
    private final Payments payments;
    private final OrderFinalizer finalizer;
    private final IdempotentRequests idempotent;
    private final OrderViews views;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    Checkout(CartRepository carts, OrderRepository orders, Inventory inventory, AccountStanding standing,
            Relationships relationships, Payments payments, OrderFinalizer finalizer, IdempotentRequests idempotent,
            OrderViews views, TransactionTemplate transaction, JsonMapper json, Clock clock) {
        this.carts = carts;
        this.orders = orders;
        this.inventory = inventory;
        this.standing = standing;
        this.relationships = relationships;
        this.payments = payments;
        this.finalizer = finalizer;
        this.idempotent = idempotent;
        this.views = views;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Checks out the user's cart under an Idempotency-Key. Answers 201 with the paid order, 202 with a
     * pending one (the outcome will come by webhook or reconciliation), or 402 naming the declined order.
     */
    public StoredResponse checkout(long userId, String key, CheckoutRequest request) {
        IdempotentRequests.checkKey(key);
        var problems = request.problems();
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        var fingerprint = idempotent.fingerprint("POST /api/orders", request);
        return idempotent.run(userId, key, fingerprint, () -> {
            var order = placeOrder(userId, key, fingerprint, request);
            var result = payments.charge(new PaymentRequest(order.publicId(), order.totalAmount(), order.currency(),
                    order.paymentMethod()));
            // Step 3 keeps its response in the same transaction, so a finished checkout is one commit.
            return transaction.execute(tx -> {
                var response = response(finalizer.apply(order, result));
                idempotent.complete(userId, key, response);
                return response;
            });
        }, orderId -> response(orders.findById(orderId).orElseThrow()));
    }

    /**
     * Step 1 alone, in one transaction: claims the Idempotency-Key, reserves the cart's stock at today's prices
     * and records the pending order. Throws {@link KeyTaken} when the key is already in use.
     */
    public Order placeOrder(long userId, String key, CheckoutRequest request) {
        return placeOrder(userId, key, idempotent.fingerprint("POST /api/orders", request), request);
    }

    private Order placeOrder(long userId, String key, String fingerprint, CheckoutRequest request) {
        return transaction.execute(tx -> {
            idempotent.claim(userId, key, fingerprint);
            return reserve(userId, key, request);
        });
    }

    private Order reserve(long userId, String key, CheckoutRequest request) {
        // Suspension revokes sessions; this refuses a checkout that raced it.
        if (standing.isSuspended(userId)) {
            throw ApiException.forbidden("your account is suspended");
        }
        var items = carts.items(userId);
        if (items.isEmpty()) {
            throw ApiException.invalid("cart", "is empty");
        }
        var products = inventory.findAllById(items.stream().map(CartRepository.Item::productId).toList());
        var lines = new ArrayList<Order.Line>();
        var blockedSellers = new HashMap<Long, Boolean>();
        long total = 0;
        for (var item : items) {
            var product = products.get(item.productId());
            // Off sale (withdrawn, hidden, seller suspended) or its seller and the buyer blocked each other: the same
            // answer for both, so a block is not revealed.
            if (product == null || !product.listed() || blocked(userId, product.sellerId(), blockedSellers)) {
                var name = product == null ? "in your cart" : product.publicId();
                throw ApiException.conflict("unavailable", "product", "product " + name + " is no longer on sale");
            }
            if (product.sellerId() == userId) {
                throw ApiException.invalid("product", product.publicId() + " is your own; you can't buy it");
            }
            try {
                var lineTotal = Math.multiplyExact(product.priceAmount(), item.quantity());
                total = Math.addExact(total, lineTotal);
                lines.add(new Order.Line(product.id(), product.publicId(), product.sellerId(), product.title(),
                        product.priceAmount(), item.quantity(), lineTotal));
            } catch (ArithmeticException e) {
                throw ApiException.invalid("cart", "total is too large");
            }
        }
        var currencies = lines.stream().map(l -> products.get(l.productId()).currency()).distinct().toList();
        if (currencies.size() > 1) {
            throw ApiException.invalid("cart", "mixes currencies " + String.join(", ", currencies)
                    + "; one order is paid in one currency, so check out each currency separately");
        }
        inventory.reserve(lines.stream().map(l -> new StockLine(l.productId(), l.quantity())).toList());
        var publicId = PublicIds.next("ord");
        var address = request.normalizedAddress();
        var now = clock.instant();
        var id = orders.insert(publicId, userId, currencies.getFirst(), total, request.paymentMethod(), address, lines, now);
        idempotent.attach(userId, key, id);
        return new Order(id, publicId, userId, OrderStatus.PAYMENT_PENDING, currencies.getFirst(), total, 0,
                request.paymentMethod(), null, null, address, now, now, null, null, null, List.copyOf(lines), List.of());
    }

    /** Whether the buyer and this seller have blocked each other (either way), asked once per seller. */
    private boolean blocked(long buyerId, long sellerId, Map<Long, Boolean> asked) {
        return buyerId != sellerId
                && asked.computeIfAbsent(sellerId, seller -> relationships.blockedEitherWay(buyerId, seller));
    }

    /** The answer a checkout gives for the order in its present state. */
    StoredResponse response(Order order) {
        var body = new OrderJson.OrderResponse(views.full(order));
        return switch (order.status()) {
            case PAYMENT_PENDING -> StoredResponse.success(HttpStatus.ACCEPTED, body, json);
            case PAYMENT_FAILED, EXPIRED -> StoredResponse.error(new ApiException(HttpStatus.PAYMENT_REQUIRED,
                    "payment-declined", "payment for order " + order.publicId() + " failed: " + order.failureCode(),
                    Map.of("payment", List.of("failed (" + order.failureCode() + ")"),
                            "order", List.of(order.publicId())),
                    null), json);
            default -> StoredResponse.success(HttpStatus.CREATED, body, json);
        };
    }
}
