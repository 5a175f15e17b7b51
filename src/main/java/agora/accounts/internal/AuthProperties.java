package agora.accounts.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret HMAC key for access tokens, at least 32 bytes
 * @param tokenTtl lifetime of a session and its token
 * @param sessionCacheTtl how long a node trusts a session it has checked before asking the database again
 */
@ConfigurationProperties("agora.auth")
public record AuthProperties(String jwtSecret, Duration tokenTtl, Duration sessionCacheTtl, Password password,
        LoginThrottle loginThrottle) {

    /** Argon2id cost parameters. */
    public record Password(int memoryKib, int iterations, int parallelism) {
    }
}
