package agora.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import agora.platform.ApiException;
import agora.platform.RateLimit;
import agora.platform.RateLimits;

/**
 * Password login with brute-force protection ({@link LoginGuard}) and no account enumeration: an unknown
 * email and a wrong password get the same answer after the same work. With two-factor login on, the right
 * password earns a short-lived challenge instead of a session; the challenge and a code complete the login.
 * Deliberately not one transaction: the password hash costs tens of milliseconds and must not hold a
 * database connection.
 */
@Service
public class Login {

    /** What a login attempt with the right password earns. */
    public sealed interface Outcome permits SignedIn, ChallengeIssued {
    }

    /**
     * A successful login: the user and the token of the session it opened. {@code passwordBreached}: the password
     * is on the breached list (set before the list grew), so the client asks the user to change it.
     */
    public record SignedIn(User user, String token, boolean passwordBreached) implements Outcome {
    }

    /** The password was right and a second factor is needed: send the challenge back with a code. */
    public record ChallengeIssued(String challenge, Instant expiresAt) implements Outcome {
    }

    /** How the user proved who they are, as the security log names it. */
    enum Method {
        PASSWORD(null), PASSKEY("passkey"), EMAIL_LINK("email link");

        private final String detail;

        Method(String detail) {
            this.detail = detail;
        }
    }

    private final UserRepository users;
    private final LoginGuard guard;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final TwoFactor twoFactor;
    private final LoginChallenges challenges;
    private final AuthProperties.TwoFactor settings;
    private final RateLimits limits;
    private final Suspensions suspensions;
    private final SecurityLog securityLog;
    private final TransactionTemplate transaction;
    private final PasswordPolicy passwords;
    private final Clock clock;

    Login(UserRepository users, LoginGuard guard, PasswordHasher hasher, Sessions sessions, TwoFactor twoFactor,
            LoginChallenges challenges, AuthProperties properties, RateLimits limits, Suspensions suspensions,
            SecurityLog securityLog, TransactionTemplate transaction, PasswordPolicy passwords, Clock clock) {
        this.users = users;
        this.guard = guard;
        this.hasher = hasher;
        this.sessions = sessions;
        this.twoFactor = twoFactor;
        this.challenges = challenges;
        this.settings = properties.twoFactor();
        this.limits = limits;
        this.suspensions = suspensions;
        this.securityLog = securityLog;
        this.transaction = transaction;
        this.passwords = passwords;
        this.clock = clock;
    }

    public Outcome login(String email, String password, String clientAddress) {
        // Per account as well as per client address (the route's limit): many addresses can't try one account fast.
        limits.consume(RateLimit.LOGIN, accountKey(email));
        var user = users.findByEmail(email);
        guard.checkAllowed(email, user.map(User::id).orElse(null), clientAddress);
        if (user.isEmpty()) {
            hasher.verifyAgainstNothing(password);
        }
        if (user.isEmpty() || !hasher.matches(password, user.get().passwordHash())) {
            guard.recordFailure(email, clientAddress);
            user.ifPresent(u -> securityLog.byOwner(u.id(), SecurityEventKind.SIGN_IN_FAILED, false, "wrong password"));
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "email or password is invalid",
                    Map.of("email or password", List.of("is invalid")), null);
        }
        var signedIn = user.get();
        // Only now, so that a stranger without the password cannot learn that the account is suspended.
        suspensions.checkMaySignIn(signedIn.id());
        if (hasher.needsUpgrade(signedIn.passwordHash())) {
            users.updatePasswordHash(signedIn.id(), hasher.hash(password));
        }
        // Checked here, the only moment the plaintext is known, and carried through the two-factor step.
        return firstFactorPassed(signedIn, Method.PASSWORD, passwords.isBreached(password), clientAddress);
    }

    /**
     * The user proved one factor (a password, or an emailed link): signs them in, or, with two-factor login on,
     * issues the challenge that a code completes.
     */
    Outcome firstFactorPassed(User user, Method method, boolean passwordBreached, String clientAddress) {
        if (twoFactor.isEnabled(user.id())) {
            var challenge = RandomTokens.generate();
            var expiresAt = clock.instant().plus(settings.challengeTtl());
            challenges.insert(RandomTokens.hash(challenge), user.id(), passwordBreached, expiresAt);
            return new ChallengeIssued(challenge, expiresAt);
        }
        return signIn(user, method, false, passwordBreached, clientAddress);
    }

    /**
     * Completes a two-factor login with a TOTP code or a recovery code. A wrong code counts as a failed
     * login; a challenge survives only a few of them.
     */
    public SignedIn completeTwoFactor(String challenge, String code, String clientAddress) {
        if (!RandomTokens.plausible(challenge)) {
            throw invalidChallenge();
        }
        var hash = RandomTokens.hash(challenge);
        var live = challenges.findLive(hash, clock.instant()).orElseThrow(Login::invalidChallenge);
        var user = users.findById(live.userId()).orElseThrow(Login::invalidChallenge);
        limits.consume(RateLimit.LOGIN, accountKey(user.email()));
        guard.checkAllowed(user.email(), user.id(), clientAddress);
        if (!twoFactor.accepts(user.id(), code)) {
            guard.recordFailure(user.email(), clientAddress);
            securityLog.byOwner(user.id(), SecurityEventKind.SIGN_IN_FAILED, true, "wrong code");
            challenges.recordWrongCode(hash, settings.maxCodesPerChallenge());
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid-code", "code is invalid",
                    Map.of("code", List.of("is invalid")), null);
        }
        if (!challenges.consume(hash)) {
            throw invalidChallenge();
        }
        suspensions.checkMaySignIn(user.id());
        return signIn(user, Method.PASSWORD, true, live.passwordBreached(), clientAddress);
    }

    /**
     * Every way in ends here, once the user has proved enough factors: clears the failed attempts, opens the session
     * and records the sign-in in the user's security log, together.
     */
    SignedIn signIn(User user, Method method, boolean withTwoFactor, boolean passwordBreached, String clientAddress) {
        guard.recordLogin(user.id(), user.email(), clientAddress);
        return transaction.execute(tx -> {
            securityLog.byOwner(user.id(), SecurityEventKind.SIGNED_IN, withTwoFactor, method.detail);
            return new SignedIn(user, sessions.open(user.id()), passwordBreached);
        });
    }

    private static String accountKey(String email) {
        return "account:" + LoginAttempts.accountKey(email);
    }

    private static ApiException invalidChallenge() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid-challenge", "challenge is invalid or has expired",
                Map.of("challenge", List.of("is invalid or has expired")), null);
    }
}
