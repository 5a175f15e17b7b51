package agora.test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import agora.AgoraApplication;

/** One application node of a test: the whole application on a random port, with its own data directory. */
public record Node(ConfigurableApplicationContext context, String base) implements AutoCloseable {

    /** Starts a node with the test profile and these extra arguments ({@code --name=value}). */
    public static Node start(String... arguments) {
        return start(event -> {
        }, arguments);
    }

    /** Starts a node whose application events, from the first of its start-up on, go to the listener too. */
    public static Node start(ApplicationListener<ApplicationEvent> listener, String... arguments) {
        var all = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        all.addAll(List.of(arguments));
        var context = new SpringApplicationBuilder(AgoraApplication.class).profiles("test").listeners(listener)
                .run(all.toArray(String[]::new));
        return new Node(context, "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    @Override
    public void close() {
        context.close();
    }
}
