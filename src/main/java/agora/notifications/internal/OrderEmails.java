package agora.notifications.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import agora.accounts.UserContacts;
import agora.orders.OrderPaid;

/**
 * The buyer's order confirmation, recorded in the outbox by the transaction that marks the order paid: the
 * outbox row is itself durable, so the email exists exactly when the payment does, with no event publication to
 * keep and complete on the way (a checkout's largest share of commits). Keyed by the order, so one order makes
 * one email. A buyer whose account is gone gets none.
 */
@Component
class OrderEmails {

    static final String CONFIRMATION = "order-confirmation";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Mailroom mailroom;
    private final UserContacts contacts;
    private final String appUrl;

    OrderEmails(Mailroom mailroom, UserContacts contacts, NotificationsProperties properties) {
        this.mailroom = mailroom;
        this.contacts = contacts;
        this.appUrl = properties.appUrl();
    }

    @EventListener
    void on(OrderPaid event) {
        contacts.contactOf(event.buyerId()).ifPresent(buyer -> mailroom.post(new Email(
                CONFIRMATION + ":" + event.orderId(), buyer.userId(), buyer.email(), CONFIRMATION,
                confirmation(event, buyer.username(), appUrl), null)));
    }

    /** The template's model: amounts formatted for the order's currency, lines in the order's order. */
    static Map<String, Object> confirmation(OrderPaid order, String username, String appUrl) {
        var lines = order.lines().stream().map(line -> new Line(line.title(), line.quantity(),
                MoneyFormat.format(line.unitPrice(), order.currency()),
                MoneyFormat.format(line.lineTotal(), order.currency()))).toList();
        return Map.of("username", username, "orderId", order.orderId(), "lines", lines,
                "total", MoneyFormat.format(order.totalAmount(), order.currency()),
                "paidAt", WHEN.format(order.paidAt()), "link", appUrl + "/orders/" + order.orderId());
    }

    /** One order line as the email shows it. Public: the templates read its accessors. */
    public record Line(String title, int quantity, String unitPrice, String lineTotal) {
    }
}
