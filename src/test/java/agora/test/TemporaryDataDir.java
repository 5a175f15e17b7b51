package agora.test;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Gives every application context started by a test its own data directory under {@code target/test-data}
 * (files such as the search index must not be shared between contexts). A data directory given explicitly
 * (test properties, command-line arguments, system properties, environment) still wins.
 */
public class TemporaryDataDir implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var dir = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
        var source = new MapPropertySource("agoraTestDataDir", Map.of("agora.data-dir", dir.toString()));
        var sources = environment.getPropertySources();
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addLast(source);
        }
    }
}
