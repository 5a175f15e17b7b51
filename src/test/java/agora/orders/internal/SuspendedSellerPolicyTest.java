package agora.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SuspendedSellerPolicyTest {

    static final long BOB = 1, DAVE = 2, STRANGER = 3;
    static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    /** bob's 2 boards (2 x 1000) and, when {@code shared}, dave's keycaps (500). */
    static Order order(OrderStatus status, boolean shared, long refunded) {
        var lines = shared
                ? List.of(line(10, BOB, 1000, 2), line(11, DAVE, 500, 1))
                : List.of(line(10, BOB, 1000, 2));
        var total = lines.stream().mapToLong(Order.Line::lineTotal).sum();
        return new Order(7, "ord_1", 99, status, "EUR", total, refunded, "pm_card_visa", "pay_1", null, null, AT, AT,
                AT, null, null, lines, List.of());
    }

    static Order.Line line(long productId, long sellerId, long price, int quantity) {
        return new Order.Line(productId, "prd_" + productId, sellerId, "thing", price, quantity, price * quantity);
    }

    @Test
    void aPaidOrderAllTheSellersIsCancelledWithWhatIsLeftOfItsTotalRefunded() {
        assertThat(SuspendedSellerPolicy.decide(order(OrderStatus.PAID, false, 0), BOB, 0))
                .isEqualTo(new SuspendedSellerPolicy.Cancel(2000));
        assertThat(SuspendedSellerPolicy.decide(order(OrderStatus.PAID, false, 300), BOB, 300))
                .isEqualTo(new SuspendedSellerPolicy.Cancel(1700));
    }

    @Test
    void aPaidOrderSharedWithOtherSellersHasOnlyTheSuspendedSellersLinesRefunded() {
        assertThat(SuspendedSellerPolicy.decide(order(OrderStatus.PAID, true, 0), BOB, 0))
                .isEqualTo(new SuspendedSellerPolicy.RefundLines(2000));
        assertThat(SuspendedSellerPolicy.decide(order(OrderStatus.PAID, true, 0), DAVE, 0))
                .isEqualTo(new SuspendedSellerPolicy.RefundLines(500));
        // bob already refunded 600 of his own lines: the rest of them
        assertThat(SuspendedSellerPolicy.decide(order(OrderStatus.PAID, true, 600), BOB, 600))
                .isEqualTo(new SuspendedSellerPolicy.RefundLines(1400));
        // an admin refunded 2300 of 2500: never more than what is left of the order
        assertThat(SuspendedSellerPolicy.decide(order(OrderStatus.PAID, true, 2300), BOB, 0))
                .isEqualTo(new SuspendedSellerPolicy.RefundLines(200));
    }

    @Test
    void aSecondLookFindsNothingMoreToDo() {
        // the shared order after bob's lines were refunded; the sole order after it was cancelled
        assertThat(SuspendedSellerPolicy.decide(order(OrderStatus.PAID, true, 2000), BOB, 2000))
                .isEqualTo(new SuspendedSellerPolicy.LeaveAlone());
        assertThat(SuspendedSellerPolicy.decide(order(OrderStatus.CANCELLED, false, 2000), BOB, 2000))
                .isEqualTo(new SuspendedSellerPolicy.LeaveAlone());
    }

    @Test
    void shippedEndedAndPendingOrdersAndOrdersWithoutTheSellerAreLeftAlone() {
        for (var status : List.of(OrderStatus.SHIPPED, OrderStatus.PAYMENT_PENDING, OrderStatus.PAYMENT_FAILED,
                OrderStatus.EXPIRED, OrderStatus.CANCELLED, OrderStatus.REFUNDED)) {
            assertThat(SuspendedSellerPolicy.decide(order(status, false, 0), BOB, 0)).as(status.name())
                    .isEqualTo(new SuspendedSellerPolicy.LeaveAlone());
        }
        assertThat(SuspendedSellerPolicy.decide(order(OrderStatus.PAID, true, 0), STRANGER, 0))
                .isEqualTo(new SuspendedSellerPolicy.LeaveAlone());
    }
}
