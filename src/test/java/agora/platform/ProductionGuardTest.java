package agora.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import agora.AgoraApplication;

class ProductionGuardTest {

    SpringApplicationBuilder prod(String... properties) {
        return new SpringApplicationBuilder(AgoraApplication.class).profiles("prod")
                .web(WebApplicationType.NONE).properties(properties);
    }

    @Test
    void refusesToStartWithoutSecretOrDatabase() {
        // An empty argument stands for "not configured", also when the test run itself points at PostgreSQL.
        assertThatThrownBy(() -> prod().run("--spring.datasource.url="))
                .hasMessageContaining("AGORA_AUTH_JWT_SECRET")
                .hasMessageContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> prod("agora.auth.jwt-secret=too-short",
                "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none").run())
                .hasMessageContaining("AGORA_AUTH_JWT_SECRET")
                .hasMessageNotContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void refusesPasskeysBoundToLocalhostOrPlainHttp() {
        // The development defaults: rp-id localhost, origin http://localhost:8080.
        assertThatThrownBy(() -> prod().run("--spring.datasource.url="))
                .hasMessageContaining("AGORA_AUTH_WEBAUTHN_RP_ID")
                .hasMessageContaining("AGORA_AUTH_WEBAUTHN_ORIGINS");
        assertThatThrownBy(() -> prod().run("--spring.datasource.url=", "--agora.auth.webauthn.rp-id=agora.example",
                "--agora.auth.webauthn.origins=https://agora.example,http://agora.example"))
                .hasMessageNotContaining("AGORA_AUTH_WEBAUTHN_RP_ID")
                .hasMessageContaining("AGORA_AUTH_WEBAUTHN_ORIGINS");
        assertThatThrownBy(() -> prod().run("--spring.datasource.url=", "--agora.auth.webauthn.rp-id=agora.example",
                "--agora.auth.webauthn.origins=https://agora.example"))
                .hasMessageContaining("SPRING_DATASOURCE_URL")
                .hasMessageNotContaining("AGORA_AUTH_WEBAUTHN");
    }
}
