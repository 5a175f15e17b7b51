package agora.accounts.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.TwoFactorDisabled;
import agora.accounts.TwoFactorEnabled;
import agora.platform.ApiException;

/**
 * Two-factor login with TOTP (RFC 6238). Enrolment hands out a secret, and turns two-factor login on only
 * once the user proves the authenticator works with a code; then it hands out single-use recovery codes
 * for a lost device. Secrets are encrypted at rest; recovery codes are stored as hashes. Turning it on or off
 * ends every other session of the user, as a new password does.
 */
@Service
public class TwoFactor {

    public static final int RECOVERY_CODES = 10;
    private static final int SECRET_BYTES = 20;
    private static final int RECOVERY_CODE_BYTES = 10;
    private static final Pattern RECOVERY_CODE = Pattern.compile("[a-z2-7]{16}");

    /** What an authenticator app needs: the secret, also as an {@code otpauth://} URI (for a QR code). */
    public record Enrolment(String secret, String uri) {
    }

    private final TwoFactorRepository repository;
    private final UserRepository users;
    private final SecretBox box;
    private final LoginGuard guard;
    private final Sessions sessions;
    private final ApplicationEventPublisher events;
    private final EmailLimits emailLimits;
    private final TransactionTemplate transaction;
    private final String issuer;
    private final SecurityLog securityLog;
    private final Clock clock;

    TwoFactor(TwoFactorRepository repository, UserRepository users, TwoFactorKey key, LoginGuard guard,
            Sessions sessions, ApplicationEventPublisher events, EmailLimits emailLimits,
            TransactionTemplate transaction, AuthProperties properties, SecurityLog securityLog, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.box = key.box();
        this.guard = guard;
        this.sessions = sessions;
        this.events = events;
        this.emailLimits = emailLimits;
        this.transaction = transaction;
        this.issuer = properties.twoFactor().issuer();
        this.securityLog = securityLog;
        this.clock = clock;
    }

    public boolean isEnabled(long userId) {
        return repository.isEnabled(userId);
    }

    /** Starts enrolment with a fresh secret (replacing an unfinished one); 409 when already on. */
    public Enrolment start(long userId) {
        var user = users.findById(userId).orElseThrow();
        var secret = RandomTokens.bytes(SECRET_BYTES);
        if (!repository.startEnrolment(userId, box.seal(secret, context(userId)), clock.instant())) {
            throw ApiException.conflict("two-factor-on", "body", "two-factor login is already on");
        }
        var encoded = Base32.encode(secret);
        var label = encode(issuer) + ":" + encode(user.username());
        var uri = "otpauth://totp/" + label + "?secret=" + encoded + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new Enrolment(encoded, uri);
    }

    /**
     * Turns two-factor login on with the first code from the authenticator, ending every session but the
     * current one; answers the recovery codes.
     */
    public List<String> confirm(long userId, UUID currentSession, String code, String clientAddress) {
        var user = users.findById(userId).orElseThrow();
        var enrolment = repository.find(userId)
                .filter(e -> !e.enabled())
                .orElseThrow(() -> ApiException.conflict("no-enrolment", "body",
                        "start enrolment first (POST /api/user/2fa)"));
        emailLimits.forAccount(userId); // turning it on is announced by email
        guard.checkAllowed(user.email(), userId, clientAddress);
        var step = Totp.match(open(enrolment), normalize(code), clock.instant(), enrolment.lastUsedStep());
        if (step.isEmpty() || !repository.useStep(userId, step.getAsLong())) {
            guard.recordFailure(user.email(), clientAddress);
            throw invalidCode();
        }
        var codes = new ArrayList<String>();
        var hashes = new ArrayList<String>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            var raw = Base32.encode(RandomTokens.bytes(RECOVERY_CODE_BYTES)).toLowerCase(Locale.ROOT);
            codes.add(raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8, 12) + "-"
                    + raw.substring(12));
            hashes.add(RandomTokens.hash(raw));
        }
        transaction.executeWithoutResult(tx -> {
            if (!repository.enable(userId, clock.instant())) {
                throw ApiException.conflict("two-factor-on", "body", "two-factor login is already on");
            }
            repository.insertRecoveryCodes(userId, hashes);
            securityLog.byOwner(userId, SecurityEventKind.TWO_FACTOR_ENABLED, true, null);
            sessions.revokeAllExcept(userId, currentSession);
            events.publishEvent(new TwoFactorEnabled(userId, clock.instant()));
        });
        return codes;
    }

    /** Turns two-factor login off, given a current or a recovery code, ending every session but the current one. */
    public void disable(long userId, UUID currentSession, String code, String clientAddress) {
        var user = users.findById(userId).orElseThrow();
        if (!repository.isEnabled(userId)) {
            throw ApiException.conflict("two-factor-off", "body", "two-factor login is not on");
        }
        emailLimits.forAccount(userId); // turning it off is announced by email
        checkSecondFactor(user, code, clientAddress);
        transaction.executeWithoutResult(tx -> {
            if (repository.delete(userId)) {
                securityLog.byOwner(userId, SecurityEventKind.TWO_FACTOR_DISABLED, true, null);
                sessions.revokeAllExcept(userId, currentSession);
                events.publishEvent(new TwoFactorDisabled(userId, clock.instant()));
            }
        });
    }

    /**
     * Checks a code (TOTP or recovery code) of a user who has two-factor login on, under the brute-force
     * protection; a wrong code counts as a failed attempt and answers 422.
     */
    void checkSecondFactor(User user, String code, String clientAddress) {
        guard.checkAllowed(user.email(), user.id(), clientAddress);
        if (!accepts(user.id(), code)) {
            guard.recordFailure(user.email(), clientAddress);
            throw invalidCode();
        }
    }

    /** Whether the code is a current TOTP code not used before, or an unused recovery code; uses it up. */
    boolean accepts(long userId, String code) {
        var enrolment = repository.find(userId).filter(TwoFactorRepository.Enrolment::enabled);
        if (enrolment.isEmpty()) {
            return false;
        }
        var normalized = normalize(code);
        if (RECOVERY_CODE.matcher(normalized).matches()) {
            return repository.useRecoveryCode(userId, RandomTokens.hash(normalized), clock.instant());
        }
        var step = Totp.match(open(enrolment.get()), normalized, clock.instant(), enrolment.get().lastUsedStep());
        return step.isPresent() && repository.useStep(userId, step.getAsLong());
    }

    static ApiException invalidCode() {
        return ApiException.invalid("code", "is invalid");
    }

    private byte[] open(TwoFactorRepository.Enrolment enrolment) {
        return box.open(enrolment.sealedSecret(), context(enrolment.userId()));
    }

    private static String context(long userId) {
        return "totp:" + userId;
    }

    private static String normalize(String code) {
        return code == null ? "" : code.replace("-", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
