package agora.platform.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile on development defaults: production must name its database,
 * a JWT secret of at least 256 bits, and its own passkey relying party (domain and https origins). Runs before any
 * bean exists, so nothing starts half-configured.
 */
class ProductionGuard implements EnvironmentPostProcessor {

    static final int MIN_SECRET_BYTES = 32;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        var problems = new ArrayList<String>();
        var secret = environment.getProperty("agora.auth.jwt-secret", "");
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            problems.add("AGORA_AUTH_JWT_SECRET must be set to a secret of at least " + MIN_SECRET_BYTES
                    + " bytes (256 bits), e.g. the output of `openssl rand -base64 48`");
        }
        if (environment.getProperty("spring.datasource.url", "").isBlank()) {
            problems.add("SPRING_DATASOURCE_URL must name the production database, "
                    + "e.g. jdbc:postgresql://db:5432/agora");
        }
        problems.addAll(passkeyProblems(environment));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the 'prod' profile:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** Passkeys are bound to the relying party id for good: production's must be its own domain, served over https. */
    private static List<String> passkeyProblems(ConfigurableEnvironment environment) {
        var problems = new ArrayList<String>();
        var rpId = environment.getProperty("agora.auth.webauthn.rp-id", "");
        if (rpId.isBlank() || rpId.equalsIgnoreCase("localhost")) {
            problems.add("AGORA_AUTH_WEBAUTHN_RP_ID must be the site's domain (not localhost), e.g. agora.example");
        }
        var origins = Binder.get(environment).bind("agora.auth.webauthn.origins", Bindable.listOf(String.class))
                .orElse(List.of());
        if (origins.isEmpty() || !origins.stream().allMatch(origin -> origin.startsWith("https://"))) {
            problems.add("AGORA_AUTH_WEBAUTHN_ORIGINS must list the site's https origins, e.g. https://agora.example");
        }
        return problems;
    }
}
