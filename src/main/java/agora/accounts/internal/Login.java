package agora.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import agora.platform.ApiException;

/**
 * Password login with brute-force protection ({@link LoginThrottle}) and no account enumeration: an unknown
 * email and a wrong password get the same answer after the same work. Deliberately not one transaction:
 * the password hash costs tens of milliseconds and must not hold a database connection.
 */
@Service
public class Login {

    /** A successful login: the user and the token of the session it opened. */
    public record SignedIn(User user, String token) {
    }

    private final UserRepository users;
    private final LoginAttempts attempts;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Clock clock;

    Login(UserRepository users, LoginAttempts attempts, PasswordHasher hasher, Sessions sessions,
            AuthProperties properties, Clock clock) {
        this.users = users;
        this.attempts = attempts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = properties.loginThrottle();
        this.clock = clock;
    }

    public SignedIn login(String email, String password, String clientAddress) {
        var now = clock.instant();
        var accountKey = LoginAttempts.accountKey(email);
        var clientKey = LoginAttempts.clientKey(clientAddress);
        var user = users.findByEmail(email);
        var knownClient = user.isPresent() && attempts.isKnownClient(user.get().id(), clientKey);
        var since = now.minus(throttle.window());
        var wait = throttle.waitBeforeAttempt(attempts.accountFailuresSince(accountKey, since),
                attempts.clientFailuresSince(clientKey, since), knownClient, now);
        if (wait.isPresent()) {
            throw tooManyAttempts(wait.get());
        }
        if (user.isEmpty()) {
            hasher.verifyAgainstNothing(password);
        }
        if (user.isEmpty() || !hasher.matches(password, user.get().passwordHash())) {
            attempts.recordFailure(accountKey, clientKey, now);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "email or password is invalid",
                    Map.of("email or password", List.of("is invalid")), null);
        }
        var signedIn = user.get();
        if (hasher.needsUpgrade(signedIn.passwordHash())) {
            users.updatePasswordHash(signedIn.id(), hasher.hash(password));
        }
        attempts.clearAccountFailures(accountKey);
        attempts.rememberClient(signedIn.id(), clientKey, now);
        return new SignedIn(signedIn, sessions.open(signedIn.id()));
    }

    private static ApiException tooManyAttempts(Duration wait) {
        var seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        return ApiException.tooManyRequests("too many failed logins; try again in " + seconds + " seconds",
                Duration.ofSeconds(seconds));
    }
}
