package agora.accounts.internal;

import java.time.Clock;
import java.util.HexFormat;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.CurrentUser;
import agora.accounts.UserDeleted;
import agora.media.Images;
import agora.platform.ApiException;

/**
 * Deletes an account at its owner's request. The row is anonymized rather than removed: its id stays so
 * posts and comments keep a neutral author, while every piece of personal data (name, email, password hash,
 * bio, image, uploaded images, sessions, known devices, two-factor secrets, passkeys, known clients, pending tokens)
 * goes. The old username and email become free for anyone.
 */
@Service
public class AccountDeletion {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Reauthentication reauthentication;
    private final LoginGuard guard;
    private final TwoFactor twoFactor;
    private final TwoFactorRepository twoFactorRecords;
    private final Sessions sessions;
    private final KnownDevices devices;
    private final EmailTokens tokens;
    private final LoginChallenges challenges;
    private final PasskeyRepository passkeys;
    private final PasskeyChallenges passkeyChallenges;
    private final LoginAttempts attempts;
    private final Images images;
    private final SecurityLog securityLog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AccountDeletion(UserRepository users, PasswordHasher hasher, Reauthentication reauthentication, LoginGuard guard,
            TwoFactor twoFactor, TwoFactorRepository twoFactorRecords, Sessions sessions, KnownDevices devices,
            EmailTokens tokens, LoginChallenges challenges, PasskeyRepository passkeys,
            PasskeyChallenges passkeyChallenges, LoginAttempts attempts, Images images, SecurityLog securityLog,
            ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.reauthentication = reauthentication;
        this.guard = guard;
        this.twoFactor = twoFactor;
        this.twoFactorRecords = twoFactorRecords;
        this.sessions = sessions;
        this.devices = devices;
        this.tokens = tokens;
        this.challenges = challenges;
        this.passkeys = passkeys;
        this.passkeyChallenges = passkeyChallenges;
        this.attempts = attempts;
        this.images = images;
        this.securityLog = securityLog;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Deletes the account after checking the password (and, with two-factor login on, a code), under the
     * brute-force protection. A wrong password or code answers 422. An account without a password needs instead a
     * session signed in or re-confirmed (with a passkey) within the window: 403 otherwise, as {@link Reauthentication}.
     */
    public void delete(CurrentUser current, String password, String code, String clientAddress) {
        var userId = current.id();
        var user = users.findById(userId).orElseThrow(() -> ApiException.unauthorized("this account no longer exists"));
        if (user.passwordHash() == null) {
            reauthentication.require(current, null, clientAddress);
        } else {
            checkPassword(user, password, clientAddress);
        }
        if (twoFactor.isEnabled(userId)) {
            if (code == null || code.isBlank()) {
                throw ApiException.invalid("code", "can't be blank (two-factor login is on)");
            }
            twoFactor.checkSecondFactor(user, code, clientAddress);
        }
        var suffix = HexFormat.of().formatHex(RandomTokens.bytes(8));
        transaction.executeWithoutResult(tx -> {
            users.anonymize(userId, AccountRules.DELETED_USERNAME_PREFIX + suffix,
                    "deleted-" + suffix + "@deleted.invalid", clock.instant());
            sessions.deleteAll(userId);
            devices.forget(userId);
            twoFactorRecords.delete(userId);
            tokens.deleteAllOf(userId);
            challenges.deleteAllOf(userId);
            passkeys.deleteAllOf(userId);
            passkeyChallenges.deleteAllOf(userId);
            attempts.forgetAccount(userId, user.email());
            securityLog.forget(userId); // client addresses are personal data
            images.releaseAllUploadedBy(userId); // the avatar and product photos alike
            events.publishEvent(new UserDeleted(userId));
        });
    }

    private void checkPassword(User user, String password, String clientAddress) {
        if (password == null || password.isEmpty()) {
            throw ApiException.invalid("password", "can't be blank");
        }
        guard.checkAllowed(user.email(), user.id(), clientAddress);
        if (!hasher.matches(password, user.passwordHash())) {
            guard.recordFailure(user.email(), clientAddress);
            throw ApiException.invalid("password", "is invalid");
        }
    }
}
