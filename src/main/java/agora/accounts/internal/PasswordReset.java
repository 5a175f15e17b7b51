package agora.accounts.internal;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.PasswordChanged;
import agora.accounts.PasswordResetRequested;
import agora.platform.ApiException;

/**
 * A forgotten password: a single-use token (hashed, short-lived) emailed to the account's address sets a
 * new password and ends every session. Requests never tell whether an account exists.
 */
@Service
public class PasswordReset {

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);

    private final UserRepository users;
    private final EmailTokens tokens;
    private final PasswordPolicy passwords;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final LoginChallenges challenges;
    private final ApplicationEventPublisher events;
    private final EmailLimits emailLimits;
    private final TransactionTemplate transaction;
    private final AuthProperties.EmailTokens settings;
    private final SecurityLog securityLog;
    private final Clock clock;

    PasswordReset(UserRepository users, EmailTokens tokens, PasswordPolicy passwords, PasswordHasher hasher,
            Sessions sessions, LoginChallenges challenges, ApplicationEventPublisher events, EmailLimits emailLimits,
            TransactionTemplate transaction, AuthProperties properties, SecurityLog securityLog, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.hasher = hasher;
        this.sessions = sessions;
        this.challenges = challenges;
        this.events = events;
        this.emailLimits = emailLimits;
        this.transaction = transaction;
        this.settings = properties.emailTokens();
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /**
     * Emails a reset token when an account has this address. Answers the same either way; a request beyond
     * the issue throttle is silently dropped, so the feature cannot flood an inbox. Requests for one address
     * beyond the email limit get 429, whether or not an account has it.
     */
    public void request(String email) {
        var problems = AccountRules.email(email);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("email", problems.getFirst());
        }
        // Before the look-up, so that a refusal says nothing about whether the account exists.
        emailLimits.toAddress(email);
        var user = users.findByEmail(email);
        if (user.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(tx -> issue(user.get()));
    }

    /** In a transaction: emails the user a reset token, unless one was sent too recently (see the issue throttle). */
    void issue(User user) {
        var id = user.id();
        var now = clock.instant();
        var issued = tokens.issuedSince(id, EmailTokens.Purpose.RESET_PASSWORD,
                now.minus(settings.issueThrottle().window()));
        if (settings.issueThrottle().waitBeforeIssuing(issued, now).isPresent()) {
            log.info("Password reset for user {} not sent: requested too often", id);
            return;
        }
        var token = RandomTokens.generate();
        var expiresAt = now.plus(settings.passwordResetTtl());
        tokens.insert(RandomTokens.hash(token), id, EmailTokens.Purpose.RESET_PASSWORD, user.email(), now, expiresAt);
        events.publishEvent(new PasswordResetRequested(id, user.email(), token, expiresAt));
    }

    /** Sets the new password, ends every session and has a notice emailed; 422 for a bad token or password. */
    public void confirm(String token, String password) {
        var problems = passwords.problems(password);
        if (!RandomTokens.plausible(token)) {
            throw ApiException.invalid("token", token == null || token.isBlank() ? "can't be blank" : "is invalid or has expired");
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(Map.of("password", problems));
        }
        var hash = RandomTokens.hash(token);
        // Checked before the (deliberately slow) password hash, so junk tokens cost us nothing.
        tokens.findUsable(hash, EmailTokens.Purpose.RESET_PASSWORD, clock.instant())
                .orElseThrow(EmailVerification::invalidToken);
        var passwordHash = hasher.hash(password);
        transaction.executeWithoutResult(tx -> {
            var now = clock.instant();
            var issued = tokens.findUsable(hash, EmailTokens.Purpose.RESET_PASSWORD, now)
                    .orElseThrow(EmailVerification::invalidToken);
            var user = users.findById(issued.userId())
                    .filter(u -> AccountRules.key(u.email()).equals(issued.emailKey()))
                    .orElseThrow(EmailVerification::invalidToken);
            if (!tokens.use(hash, now)) {
                throw EmailVerification.invalidToken();
            }
            tokens.voidUnused(user.id(), EmailTokens.Purpose.RESET_PASSWORD, now);
            users.updatePasswordHash(user.id(), passwordHash);
            securityLog.byOwner(user.id(), SecurityEventKind.PASSWORD_RESET, false, null);
            sessions.revokeAll(user.id());
            challenges.deleteAllOf(user.id());
            events.publishEvent(new PasswordChanged(user.id(), now));
        });
    }
}
