package agora.platform.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile on development defaults: production must name its database
 * and a JWT secret of at least 256 bits. Runs before any bean exists, so nothing starts half-configured.
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
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the 'prod' profile:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
