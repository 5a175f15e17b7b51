package agora.accounts.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The optional check of passwords against the Pwned Passwords range API, for operators who allow outbound calls.
 *
 * @param enabled off by default: the built-in list needs no network
 * @param url the range endpoint; the first 5 hex digits of the password's SHA-1 are appended
 * @param timeout how long a check may take before it falls back to the built-in list
 */
@ConfigurationProperties("agora.accounts.pwned-passwords")
public record PwnedPasswordsProperties(boolean enabled, URI url, Duration timeout) {

    public PwnedPasswordsProperties {
        if (url == null) {
            url = URI.create("https://api.pwnedpasswords.com/range/");
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(1);
        }
    }
}
