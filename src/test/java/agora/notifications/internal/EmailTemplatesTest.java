package agora.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import agora.orders.OrderPaid;

class EmailTemplatesTest {

    final EmailTemplates templates = new EmailTemplates(new NotificationsProperties("Agora <no-reply@agora.test>",
            "https://agora.test", new NotificationsProperties.Delivery(false, Duration.ofSeconds(1), 1,
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            Duration.ofDays(1)));

    final Map<String, Object> model = Map.ofEntries(Map.entry("username", "<b>eve</b>"), Map.entry("token", "tok"),
            Map.entry("link", "https://agora.test/x?token=tok&a=b"), Map.entry("expiresAt", "2026-01-01 00:00 UTC"),
            Map.entry("when", "2026-01-01 00:00 UTC"), Map.entry("newEmail", "n***@example.com"),
            Map.entry("orderId", "ord_1"), Map.entry("paidAt", "2026-01-01 00:00 UTC"), Map.entry("total", "1.00 EUR"),
            Map.entry("lines", List.of(new OrderEmails.Line("Thing", 1, "1.00 EUR", "1.00 EUR"))),
            Map.entry("subject", "bob commented"), Map.entry("text", "bob commented on “Hi”"),
            Map.entry("unsubscribe", "https://agora.test/api/notifications/unsubscribe?token=t"),
            Map.entry("count", 2), Map.entry("more", 1),
            Map.entry("items", List.of(new DigestItem("bob commented", "https://agora.test/articles/hi", "now"))));

    final OrderPaid order = new OrderPaid("ord_7QkX2mJ9pL4vT8aZ1cR6", 42, List.of(
            new OrderPaid.Line("prd_1", "<script>alert('board')</script> & \"more\"", 2, 1250, 2500),
            new OrderPaid.Line("prd_2", "Spoon", 1, 300, 300)), 2800, "EUR", Instant.parse("2026-03-01T09:30:00Z"));

    @ParameterizedTest
    @ValueSource(strings = {"verify-email", "password-reset", "password-changed", "email-changed",
            "two-factor-enabled", "two-factor-disabled",
            "order-confirmation", "notification", "notification-digest"})
    void everyTemplatePairRendersASubjectATextAndAnHtmlPart(String template) {
        var email = templates.render(template, model);
        assertThat(email.subject()).isNotBlank().doesNotContain("Subject:").doesNotContain("\n");
        assertThat(email.text()).startsWith("Hello <b>eve</b>,").doesNotContain("[(");
        assertThat(email.html()).contains("Hello <span>&lt;b&gt;eve&lt;/b&gt;</span>").doesNotContain("th:");
    }

    @Test
    void htmlLinksAreEscapedAttributesAndTextKeepsThemVerbatim() {
        var email = templates.render("verify-email", model);
        assertThat(email.html()).contains("href=\"https://agora.test/x?token=tok&amp;a=b\"");
        assertThat(email.text()).contains("https://agora.test/x?token=tok&a=b");
    }

    @Test
    void anOrderConfirmationListsEveryLineAndTheTotalWithALinkToTheOrder() {
        var email = templates.render("order-confirmation", OrderEmails.confirmation(order, "erin", "https://agora.test"));
        assertThat(email.subject()).isEqualTo("Your Agora order ord_7QkX2mJ9pL4vT8aZ1cR6 is confirmed");
        assertThat(email.text()).contains("""
                Order ord_7QkX2mJ9pL4vT8aZ1cR6

                - <script>alert('board')</script> & "more"
                  2 x 12.50 EUR = 25.00 EUR
                - Spoon
                  1 x 3.00 EUR = 3.00 EUR

                Total: 28.00 EUR

                See the order at https://agora.test/orders/ord_7QkX2mJ9pL4vT8aZ1cR6
                """).contains("received at 2026-03-01 09:30 UTC");
        assertThat(email.html())
                .contains("<td style=\"padding: 4px 8px;\">&lt;script&gt;alert(&#39;board&#39;)&lt;/script&gt; &amp; &quot;more&quot;</td>")
                .doesNotContain("<script>")
                .contains(">2</td>", ">12.50 EUR</td>", ">25.00 EUR</td>", ">Spoon</td>", ">3.00 EUR</td>",
                        ">28.00 EUR</th>")
                .contains("href=\"https://agora.test/orders/ord_7QkX2mJ9pL4vT8aZ1cR6\"");
    }

    @Test
    void anOrderConfirmationShowsAmountsWithTheCurrencysOwnDecimals() {
        var yen = new OrderPaid("ord_2", 42, List.of(new OrderPaid.Line("prd_1", "Tea bowl", 3, 1500, 4500)), 4500,
                "JPY", Instant.parse("2026-03-01T09:30:00Z"));
        var email = templates.render("order-confirmation", OrderEmails.confirmation(yen, "erin", "https://agora.test"));
        assertThat(email.text()).contains("3 x 1,500 JPY = 4,500 JPY", "Total: 4,500 JPY");
        assertThat(email.html()).contains(">1,500 JPY</td>", ">4,500 JPY</th>");
    }

    @Test
    void anUnknownTemplateFailsLoudly() {
        assertThatThrownBy(() -> templates.render("no-such-template", model)).isInstanceOf(RuntimeException.class);
    }
}
