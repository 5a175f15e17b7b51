package agora.accounts.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.accounts.EmailVerificationRequested;
import agora.platform.ApiException;

/**
 * Proof that a user receives mail at their address: a single-use token (stored only as a hash) is emailed
 * to the address and, sent back, marks that address verified. A token proves only the address it was
 * sent to, so one issued before an email change verifies nothing.
 */
@Service
public class EmailVerification {

    private final UserRepository users;
    private final EmailTokens tokens;
    private final ApplicationEventPublisher events;
    private final EmailLimits emailLimits;
    private final AuthProperties.EmailTokens settings;
    private final Clock clock;

    EmailVerification(UserRepository users, EmailTokens tokens, ApplicationEventPublisher events,
            EmailLimits emailLimits, AuthProperties properties, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.events = events;
        this.emailLimits = emailLimits;
        this.settings = properties.emailTokens();
        this.clock = clock;
    }

    /** Issues a token for the user's current address and has it emailed; runs in the caller's transaction. */
    void issue(long userId, String email) {
        var now = clock.instant();
        var token = RandomTokens.generate();
        var expiresAt = now.plus(settings.verificationTtl());
        tokens.insert(RandomTokens.hash(token), userId, EmailTokens.Purpose.VERIFY_EMAIL, email, now, expiresAt);
        events.publishEvent(new EmailVerificationRequested(userId, email, token, expiresAt));
    }

    /** Sends a new verification email; 409 when already verified, 429 when asked again too soon. */
    @Transactional
    public void resend(long userId) {
        var user = users.findById(userId).orElseThrow(() -> ApiException.unauthorized("this account no longer exists"));
        if (user.emailVerified()) {
            throw ApiException.conflict("already-verified", "email", "is already verified");
        }
        var now = clock.instant();
        var issued = tokens.issuedSince(userId, EmailTokens.Purpose.VERIFY_EMAIL,
                now.minus(settings.issueThrottle().window()));
        settings.issueThrottle().waitBeforeIssuing(issued, now).ifPresent(wait -> {
            var seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            throw ApiException.tooManyRequests(
                    "a verification email was sent recently; try again in " + seconds + " seconds",
                    Duration.ofSeconds(seconds));
        });
        emailLimits.forAccount(userId);
        emailLimits.toAddress(user.email());
        issue(userId, user.email());
    }

    /** Marks the address the token was sent to as verified; 422 for an unknown, used or expired token. */
    @Transactional
    public void verify(String token) {
        if (!RandomTokens.plausible(token)) {
            throw ApiException.invalid("token", token == null || token.isBlank() ? "can't be blank" : "is invalid or has expired");
        }
        var now = clock.instant();
        var hash = RandomTokens.hash(token);
        var issued = tokens.findUsable(hash, EmailTokens.Purpose.VERIFY_EMAIL, now)
                .orElseThrow(EmailVerification::invalidToken);
        if (!tokens.use(hash, now)) {
            throw invalidToken();
        }
        if (!users.markEmailVerified(issued.userId(), issued.emailKey(), now)) {
            var user = users.findById(issued.userId());
            var alreadyVerified = user.isPresent() && user.get().emailVerified()
                    && AccountRules.key(user.get().email()).equals(issued.emailKey());
            if (!alreadyVerified) {
                throw invalidToken();
            }
        }
    }

    static ApiException invalidToken() {
        return ApiException.invalid("token", "is invalid or has expired");
    }
}
