package agora.accounts.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in breached list, and beyond it the Pwned Passwords range API (k-anonymity: only the first 5 hex digits
 * of the password's SHA-1 leave the process; the answer lists every known suffix with that prefix, padded with
 * zero-count decoys). Fails open: on a timeout or an error the built-in list's answer stands, and it is logged.
 */
final class PwnedPasswords implements BreachCheck {

    private static final Logger log = LoggerFactory.getLogger(PwnedPasswords.class);

    private final BreachedPasswords builtIn;
    private final HttpClient http;
    private final URI rangeUrl;
    private final Duration timeout;

    PwnedPasswords(BreachedPasswords builtIn, URI rangeUrl, Duration timeout) {
        this.builtIn = builtIn;
        this.rangeUrl = rangeUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public boolean contains(String password) {
        if (builtIn.contains(password)) {
            return true;
        }
        var hash = sha1(password);
        try {
            var request = HttpRequest.newBuilder(rangeUrl.resolve(hash.substring(0, 5))).timeout(timeout)
                    .header("Add-Padding", "true").GET().build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                log.warn("Pwned Passwords answered {}: the built-in list alone decides", response.statusCode());
                return false;
            }
            return listed(response.body(), hash.substring(5));
        } catch (IOException e) {
            log.warn("Pwned Passwords unreachable ({}): the built-in list alone decides", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the range answer ({@code SUFFIX:COUNT} lines) lists the suffix with a count above zero (padding). */
    static boolean listed(String body, String suffix) {
        return body.lines().anyMatch(line -> {
            var colon = line.indexOf(':');
            return colon > 0 && line.substring(0, colon).equalsIgnoreCase(suffix)
                    && !line.substring(colon + 1).strip().matches("0*");
        });
    }

    static String sha1(String password) {
        try {
            return HexFormat.of().withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
