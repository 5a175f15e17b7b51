package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The Pwned Passwords adapter against a local stub of the range API. */
class PwnedPasswordsTest {

    static final String LEAKED = "tr0ub4dor-and-3-more";
    static final String FRESH = "a-passphrase-nobody-leaked";
    static final BreachedPasswords BUILT_IN = BreachedPasswords.fromClasspath();

    HttpServer server;
    final List<String> paths = new CopyOnWriteArrayList<>();
    final List<String> padding = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile long delayMillis;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/range/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            padding.add(exchange.getRequestHeaders().getFirst("Add-Padding"));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            var leaked = PwnedPasswords.sha1(LEAKED);
            var fresh = PwnedPasswords.sha1(FRESH);
            // The leaked password's suffix with a count, the fresh one's only as zero-count padding.
            var body = ("0018A45C4D1DEF81644B54AB7F969B88D65:3\r\n" + leaked.substring(5) + ":42\r\n"
                    + fresh.substring(5) + ":0\r\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    PasswordPolicy policy(Duration timeout) {
        var url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/range/");
        return new PasswordPolicy(new PwnedPasswords(BUILT_IN, url, timeout));
    }

    @Test
    void refusesAPasswordTheRangeListsAndSendsOnlyThePrefix() {
        var policy = policy(Duration.ofSeconds(2));
        assertThat(policy.isBreached(LEAKED)).isTrue();
        assertThat(policy.problems(LEAKED)).containsExactly("is one of the most common passwords; choose another");
        assertThat(paths.getFirst()).isEqualTo("/range/" + PwnedPasswords.sha1(LEAKED).substring(0, 5));
        assertThat(padding).containsOnly("true");
    }

    @Test
    void acceptsAPasswordListedOnlyAsPadding() {
        assertThat(policy(Duration.ofSeconds(2)).problems(FRESH)).isEmpty();
        assertThat(paths).hasSize(1);
    }

    @Test
    void theBuiltInListAnswersWithoutACall() {
        assertThat(policy(Duration.ofSeconds(2)).isBreached("password123")).isTrue();
        assertThat(paths).isEmpty();
    }

    @Test
    void failsOpenToTheBuiltInListOnAnError() {
        status = 503;
        var policy = policy(Duration.ofSeconds(2));
        assertThat(policy.isBreached(LEAKED)).isFalse();
        assertThat(policy.isBreached("password123")).isTrue();
    }

    @Test
    void failsOpenOnATimeoutWithinIt() {
        delayMillis = 3_000;
        var started = System.nanoTime();
        assertThat(policy(Duration.ofMillis(200)).isBreached(LEAKED)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void failsOpenWhenNothingListens() {
        server.stop(0);
        assertThat(policy(Duration.ofMillis(500)).isBreached(LEAKED)).isFalse();
    }
}
