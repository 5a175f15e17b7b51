package agora.notifications;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import agora.AgoraApplication;

/**
 * Production refuses to start without an SMTP server, its own key for two-factor secrets or its own secret for
 * unsubscribe links.
 */
class ProductionSettingsTest {

    static final String SECRET = "--agora.auth.jwt-secret=a-production-secret-of-at-least-32-bytes-0123456789";
    /** The passkey relying party production demands (see ProductionGuard). */
    static final String PASSKEYS = "--agora.auth.webauthn.rp-id=agora.example";
    static final String PASSKEY_ORIGINS = "--agora.auth.webauthn.origins=https://agora.example";
    static final String TOTP_KEY = "--agora.auth.two-factor.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    String database() {
        var url = System.getProperty("spring.datasource.url");
        return "--spring.datasource.url=" + (url != null ? url
                : "jdbc:h2:mem:prod-settings;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    SpringApplicationBuilder prod() {
        return new SpringApplicationBuilder(AgoraApplication.class).profiles("prod");
    }

    @Test
    void refusesToStartWithoutAnSmtpHost() {
        assertThatThrownBy(() -> prod().run("--server.port=0", PASSKEYS, PASSKEY_ORIGINS, SECRET, TOTP_KEY,
                database()))
                .rootCause().hasMessageContaining("SPRING_MAIL_HOST");
    }

    @Test
    void refusesToStartWithoutAKeyForTwoFactorSecrets() {
        assertThatThrownBy(() -> prod().run("--server.port=0", PASSKEYS, PASSKEY_ORIGINS, SECRET, database(),
                "--spring.mail.host=127.0.0.1"))
                .rootCause().hasMessageContaining("AGORA_AUTH_TWO_FACTOR_ENCRYPTION_KEY");
    }

    @Test
    void refusesToStartWithoutASecretForUnsubscribeLinks() {
        assertThatThrownBy(() -> prod().run("--server.port=0", PASSKEYS, PASSKEY_ORIGINS, SECRET, TOTP_KEY,
                database(), "--spring.mail.host=127.0.0.1"))
                .rootCause().hasMessageContaining("AGORA_NOTIFICATIONS_UNSUBSCRIBE_SECRET");
        assertThatThrownBy(() -> prod().run("--server.port=0", PASSKEYS, PASSKEY_ORIGINS, SECRET, TOTP_KEY,
                database(), "--spring.mail.host=127.0.0.1", "--agora.notifications.unsubscribe.secret=too-short"))
                .rootCause().hasMessageContaining("AGORA_NOTIFICATIONS_UNSUBSCRIBE_SECRET");
    }
}
