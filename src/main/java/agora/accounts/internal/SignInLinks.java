package agora.accounts.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.SignInLinkIssued;
import agora.platform.ApiException;

/**
 * Signing in with a single-use link emailed to the account's address. Asking never tells whether an account has the
 * address: the request only records what was asked (the same work either way) and the account is looked up after
 * it. A link counts as one factor: with two-factor login on it earns the challenge, as a password does.
 */
@Service
public class SignInLinks {

    private static final Logger log = LoggerFactory.getLogger(SignInLinks.class);

    private final UserRepository users;
    private final EmailTokens tokens;
    private final EmailLimits emailLimits;
    private final Suspensions suspensions;
    private final Login login;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final SignInLinkProperties settings;
    private final Clock clock;

    SignInLinks(UserRepository users, EmailTokens tokens, EmailLimits emailLimits, Suspensions suspensions,
            Login login, ApplicationEventPublisher events, TransactionTemplate transaction,
            SignInLinkProperties settings, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.emailLimits = emailLimits;
        this.suspensions = suspensions;
        this.login = login;
        this.events = events;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records the request; 422 for a malformed address, 429 beyond the limit of emails to one address (whether or
     * not an account has it).
     */
    @Transactional
    public void request(String email) {
        var problems = AccountRules.email(email);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("email", problems.getFirst());
        }
        emailLimits.toAddress(email);
        events.publishEvent(new SignInLinkRequested(email.strip(), clock.instant()));
    }

    /**
     * After the request: emails a link when an account that may sign in has the address, at most as often as the
     * issue throttle allows.
     */
    @ApplicationModuleListener
    void on(SignInLinkRequested requested) {
        var user = users.findByEmail(requested.email());
        if (user.isEmpty() || suspensions.isSuspended(user.get().id())) {
            return;
        }
        var id = user.get().id();
        var now = requested.requestedAt(); // the link's 15 minutes start when it was asked for
        var issued = tokens.issuedSince(id, EmailTokens.Purpose.SIGN_IN_LINK, now.minus(settings.issueThrottle().window()));
        if (settings.issueThrottle().waitBeforeIssuing(issued, now).isPresent()) {
            log.info("Sign-in link for user {} not sent: requested too often", id);
            return;
        }
        var token = RandomTokens.generate();
        var expiresAt = now.plus(settings.ttl());
        tokens.insert(RandomTokens.hash(token), id, EmailTokens.Purpose.SIGN_IN_LINK, user.get().email(), now, expiresAt);
        events.publishEvent(new SignInLinkIssued(id, user.get().email(), token, expiresAt));
    }

    /**
     * Uses the link up and signs its user in, or issues the two-factor challenge; 422 for an unknown, used or expired
     * link, or one sent to an address the account no longer has.
     */
    public Login.Outcome complete(String token, String clientAddress) {
        if (!RandomTokens.plausible(token)) {
            throw ApiException.invalid("token", token == null || token.isBlank() ? "can't be blank" : "is invalid or has expired");
        }
        var hash = RandomTokens.hash(token);
        var user = transaction.execute(tx -> {
            var now = clock.instant();
            var issued = tokens.findUsable(hash, EmailTokens.Purpose.SIGN_IN_LINK, now)
                    .orElseThrow(EmailVerification::invalidToken);
            var owner = users.findById(issued.userId())
                    .filter(u -> AccountRules.key(u.email()).equals(issued.emailKey()))
                    .orElseThrow(EmailVerification::invalidToken);
            if (!tokens.use(hash, now)) {
                throw EmailVerification.invalidToken();
            }
            return owner;
        });
        suspensions.checkMaySignIn(user.id());
        return login.firstFactorPassed(user, Login.Method.EMAIL_LINK, false, clientAddress);
    }
}
