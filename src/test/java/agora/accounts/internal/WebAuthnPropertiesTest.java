package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variables docs/passkeys.md names really set the passkey settings. */
class WebAuthnPropertiesTest {

    @Test
    void bindsTheDocumentedEnvironmentVariables() {
        var sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("AGORA_AUTH_WEBAUTHN_RP_ID", "agora.example",
                        "AGORA_AUTH_WEBAUTHN_ORIGINS", "https://agora.example,https://www.agora.example",
                        "AGORA_AUTH_WEBAUTHN_RP_NAME", "Agora Market",
                        "AGORA_AUTH_WEBAUTHN_CHALLENGE_TTL", "2m",
                        "AGORA_AUTH_WEBAUTHN_USER_VERIFICATION_REQUIRED", "false")));
        var settings = new Binder(ConfigurationPropertySources.from(sources))
                .bind("agora.auth.webauthn", WebAuthnProperties.class).get();

        assertThat(settings).isEqualTo(new WebAuthnProperties("agora.example", "Agora Market",
                List.of("https://agora.example", "https://www.agora.example"), Duration.ofMinutes(2), false));
    }
}
