package agora.accounts.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import agora.platform.ApiException;

/**
 * Brute-force protection for every check of a credential: passwords at login and account deletion,
 * two-factor codes at login, enrolment and disabling. All of them count toward the same
 * {@link LoginThrottle} per account and per client address, so guessing a code is as slow as guessing a
 * password.
 */
@Component
class LoginGuard {

    private final LoginAttempts attempts;
    private final LoginThrottle throttle;
    private final Clock clock;

    LoginGuard(LoginAttempts attempts, AuthProperties properties, Clock clock) {
        this.attempts = attempts;
        this.throttle = properties.loginThrottle();
        this.clock = clock;
    }

    /**
     * Throws 429 when attempts on this account (by email) or from this client must wait.
     *
     * @param userId the account's id when it exists, so its known clients are not held back; else null
     */
    void checkAllowed(String email, Long userId, String clientAddress) {
        var now = clock.instant();
        var accountKey = LoginAttempts.accountKey(email);
        var clientKey = LoginAttempts.clientKey(clientAddress);
        var knownClient = userId != null && attempts.isKnownClient(userId, clientKey);
        var since = now.minus(throttle.window());
        var wait = throttle.waitBeforeAttempt(attempts.accountFailuresSince(accountKey, since),
                attempts.clientFailuresSince(clientKey, since), knownClient, now);
        if (wait.isPresent()) {
            throw tooManyAttempts(wait.get());
        }
    }

    void recordFailure(String email, String clientAddress) {
        attempts.recordFailure(LoginAttempts.accountKey(email), LoginAttempts.clientKey(clientAddress),
                clock.instant());
    }

    /** A complete, successful login: the account's failures are forgiven and the client becomes known. */
    void recordLogin(long userId, String email, String clientAddress) {
        attempts.clearAccountFailures(LoginAttempts.accountKey(email));
        attempts.rememberClient(userId, LoginAttempts.clientKey(clientAddress), clock.instant());
    }

    private static ApiException tooManyAttempts(Duration wait) {
        var seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        return ApiException.tooManyRequests("too many failed attempts; try again in " + seconds + " seconds",
                Duration.ofSeconds(seconds));
    }
}
