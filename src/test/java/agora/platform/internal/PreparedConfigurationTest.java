package agora.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import agora.platform.internal.PreparedConfiguration.Settings;

class PreparedConfigurationTest {

    static final Map<String, Object> APPLICATION_YML = Map.of("agora.demo-data.enabled", "true",
            "agora.storage.type", "filesystem", "spring.datasource.url", "jdbc:h2:file:${agora.data-dir}/agora");

    /** An environment of the given sources, highest precedence first, and nothing of this machine's own. */
    static ConfigurableEnvironment environment(Map<String, Object> environmentVariables, Map<String, Object> arguments) {
        var environment = new AbstractEnvironment() {
        };
        environment.getPropertySources().addLast(new MapPropertySource("commandLineArgs", arguments));
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("systemEnvironment",
                environmentVariables));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", APPLICATION_YML));
        return environment;
    }

    static Settings settings(Map<String, Object> environmentVariables, Map<String, Object> arguments) {
        return Settings.of(environment(environmentVariables, arguments));
    }

    @Test
    void aSettingCountsByItsNameWhetherAnEnvironmentVariableOrAnArgumentGivesIt() {
        var prepared = settings(Map.of("AGORA_REDIS_URL", "redis://cache:6379"), Map.of());
        var started = settings(Map.of(), Map.of("agora.redis.url", "redis://cache:6379"));

        assertThat(started.differencesFrom(prepared.lines())).isEmpty();
        assertThat(prepared.values()).containsEntry("agora.redis.url", "redis://cache:6379");
    }

    @Test
    void theSourceThatWinsGivesTheValue() {
        var overridden = settings(Map.of(), Map.of("agora.storage.type", "s3"));

        assertThat(overridden.values()).containsEntry("agora.storage.type", "s3");
        assertThat(overridden.differencesFrom(settings(Map.of(), Map.of()).lines())).isEqualTo("a value changed");
    }

    @Test
    void whereANodeRunsItsJvmAndThePreparedStartsOwnSwitchesDoNotCount() {
        var prepared = settings(Map.of("AGORA_JAVA_OPTIONS", "-Xmx256m", "PATH", "/usr/bin"),
                Map.of("server.port", "8080", "agora.data-dir", "/tmp/training", "agora.shutdown.drain", "0",
                        "spring.application.pid", "100"));
        var started = settings(Map.of("HOME", "/root"),
                Map.of("server.port", "9090", "agora.data-dir", "/var/lib/agora", "spring.application.pid", "200",
                        "spring.aot.enabled", "true", "agora.prepared.configuration", "/opt/agora/prepared-settings"));

        assertThat(started.differencesFrom(prepared.lines())).isEmpty();
        assertThat(started.values()).doesNotContainKeys("server.port", "agora.data-dir", "spring.aot.enabled",
                "home", "path");
    }

    @Test
    void aSettingThatDecidesBeansIsADifferenceNamedWithoutItsValue() {
        var prepared = settings(Map.of(), Map.of("agora.datasource.replica.url", "jdbc:postgresql://replica/agora"));
        var started = settings(Map.of("AGORA_REDIS_URL", "redis://secret@cache:6379"), Map.of());

        var differences = started.differencesFrom(prepared.lines());

        assertThat(differences).isEqualTo(
                "set now, not then: agora.redis.url; set then, not now: agora.datasource.replica.url");
        assertThat(String.join("\n", prepared.lines())).doesNotContain("jdbc:postgresql");
        assertThat(settings(Map.of(), Map.of("agora.demo-data.enabled", "false"))
                .differencesFrom(settings(Map.of(), Map.of()).lines())).isEqualTo("a value changed");
    }

    @Test
    void anEmptyOrForeignRecordIsADifference() {
        var settings = settings(Map.of(), Map.of());

        assertThat(settings.differencesFrom(List.of())).isNotEmpty();
        assertThat(settings.differencesFrom(List.of("not a digest"))).isNotEmpty();
    }
}
