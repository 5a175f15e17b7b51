package agora.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps a prepared start to the configuration it was prepared for. {@code ops/prepare-start.sh} runs Spring's
 * ahead-of-time processing, which settles every conditional bean (Redis, the replica, the storage, the demo data,
 * Boot's auto-configuration) from the settings it sees. While that processing runs, this records those settings in
 * the file that the system property {@value #FILE} names; a node started on the generated beans with that property
 * refuses to start, before any bean exists, when its settings differ: it would silently run without the beans its
 * settings ask for. The file holds the settings' names and one digest of names and values, never a value.
 */
class PreparedConfiguration implements EnvironmentPostProcessor {

    static final String FILE = "agora.prepared.configuration";

    private static final List<String> PREFIXES = List.of("agora.", "spring.", "server.", "management.", "springdoc.");

    /** Where a node listens, keeps its files, how long it drains and which process it is: never which beans it has. */
    private static final Set<String> PER_NODE = Set.of("server.port", "agora.data-dir", "agora.shutdown.drain",
            "spring.application.pid");

    /**
     * The prepared start's own switches, which differ between the processing and the start by design, and the JVM's
     * options ({@code AGORA_JAVA_OPTIONS}), which the prepared start sets itself.
     */
    private static final List<String> OWN = List.of("agora.prepared.", "spring.aot.", "agora.java.options");

    /** The settings that decide the beans, by name (in relaxed form), each with its value as given. */
    record Settings(SortedMap<String, String> values) {

        static Settings of(ConfigurableEnvironment environment) {
            var seen = new HashSet<ConfigurationPropertyName>();
            var values = new TreeMap<String, String>();
            // In precedence order: the first source that has a setting gives its value, as the environment would.
            for (var source : ConfigurationPropertySources.get(environment)) {
                if (source instanceof IterableConfigurationPropertySource iterable) {
                    iterable.stream().filter(seen::add).filter(name -> decidesBeans(name.toString()))
                            .forEach(name -> values.put(name.toString(),
                                    String.valueOf(source.getConfigurationProperty(name).getValue())));
                }
            }
            return new Settings(values);
        }

        private static boolean decidesBeans(String name) {
            return PREFIXES.stream().anyMatch(name::startsWith) && !PER_NODE.contains(name)
                    && OWN.stream().noneMatch(name::startsWith);
        }

        String digest() {
            try {
                var sha = MessageDigest.getInstance("SHA-256");
                values.forEach((name, value) -> sha.update((name + '\0' + value + '\0')
                        .getBytes(StandardCharsets.UTF_8)));
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** What the file holds: the digest on the first line, then the names. */
        List<String> lines() {
            var lines = new ArrayList<String>();
            lines.add(digest());
            lines.addAll(values.keySet());
            return lines;
        }

        /** Empty if these settings are the recorded ones, else what differs, by name. */
        String differencesFrom(List<String> lines) {
            if (!lines.isEmpty() && lines.getFirst().equals(digest())) {
                return "";
            }
            var recorded = new TreeSet<>(lines.subList(Math.min(1, lines.size()), lines.size()));
            var added = values.keySet().stream().filter(name -> !recorded.contains(name)).toList();
            var removed = recorded.stream().filter(name -> !values.containsKey(name)).toList();
            var differences = new ArrayList<String>();
            if (!added.isEmpty()) {
                differences.add("set now, not then: " + String.join(", ", added));
            }
            if (!removed.isEmpty()) {
                differences.add("set then, not now: " + String.join(", ", removed));
            }
            return differences.isEmpty() ? "a value changed" : String.join("; ", differences);
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var file = System.getProperty(FILE);
        if (file == null) {
            return;
        }
        if (Boolean.getBoolean("spring.aot.processing")) {
            write(Path.of(file), Settings.of(environment).lines());
        } else if (AotDetector.useGeneratedArtifacts()) {
            var differences = Settings.of(environment).differencesFrom(read(Path.of(file)));
            if (!differences.isEmpty()) {
                throw new IllegalStateException("This prepared start (ops/prepare-start.sh) was made for other "
                        + "settings (" + differences + "): run ops/prepare-start.sh again with this node's settings, "
                        + "or start the jar without the prepared options");
            }
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException("The prepared start's record of its settings cannot be read: " + file, e);
        }
    }
}
