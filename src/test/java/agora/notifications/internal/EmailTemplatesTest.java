package agora.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTemplatesTest {

    final EmailTemplates templates = new EmailTemplates(new NotificationsProperties("Agora <no-reply@agora.test>",
            "https://agora.test", new NotificationsProperties.Delivery(false, Duration.ofSeconds(1), 1,
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            Duration.ofDays(1)));

    final Map<String, Object> model = Map.of("username", "<b>eve</b>", "token", "tok", "link",
            "https://agora.test/x?token=tok&a=b", "expiresAt", "2026-01-01 00:00 UTC", "when", "2026-01-01 00:00 UTC",
            "newEmail", "n***@example.com");

    @ParameterizedTest
    @ValueSource(strings = {"verify-email", "password-reset", "password-changed", "email-changed",
            "two-factor-enabled", "two-factor-disabled"})
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
    void anUnknownTemplateFailsLoudly() {
        assertThatThrownBy(() -> templates.render("no-such-template", model)).isInstanceOf(RuntimeException.class);
    }
}
