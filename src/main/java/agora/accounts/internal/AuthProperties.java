package agora.accounts.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret HMAC key for access tokens, at least 32 bytes
 * @param tokenTtl lifetime of a session and its token
 * @param sessionCacheTtl how long a node trusts a session it has checked before asking the database again
 * @param reauthenticationWindow how long after signing in (or re-confirming) a session may make sensitive changes
 */
@ConfigurationProperties("agora.auth")
public record AuthProperties(String jwtSecret, Duration tokenTtl, Duration sessionCacheTtl,
        Duration reauthenticationWindow, Password password,
        LoginThrottle loginThrottle, EmailTokens emailTokens, TwoFactor twoFactor) {

    /**
     * Argon2id cost parameters, and where hashes run (see {@link HashingPool}).
     *
     * @param hashingThreads platform threads that hash; 0 means one per available processor
     * @param hashingWait how long a hash may wait to start before the request is refused with 503
     */
    public record Password(int memoryKib, int iterations, int parallelism, int hashingThreads, Duration hashingWait) {

        public Password {
            if (hashingThreads <= 0) {
                hashingThreads = Runtime.getRuntime().availableProcessors();
            }
        }
    }

    /** Lifetimes of the single-use tokens sent by email, and how often they may be sent. */
    public record EmailTokens(Duration verificationTtl, Duration passwordResetTtl, IssueThrottle issueThrottle) {
    }

    /**
     * @param issuer the name authenticator apps show next to the account
     * @param encryptionKey base64 of the 32-byte AES key that encrypts TOTP secrets at rest
     * @param challengeTtl how long the second step of a login may follow the first
     * @param maxCodesPerChallenge wrong codes after which a login challenge is void
     */
    public record TwoFactor(String issuer, String encryptionKey, Duration challengeTtl, int maxCodesPerChallenge) {
    }
}
