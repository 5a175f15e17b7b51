package agora.accounts.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.CurrentUser;
import agora.platform.ApiException;

/**
 * A user's passkeys: registering one (options, then the browser's answer), listing, renaming and deleting them.
 * Registering and deleting are sensitive changes ({@link Reauthentication}).
 */
@Service
public class Passkeys {

    static final String DEFAULT_NAME = "Passkey";

    private final PasskeyRepository passkeys;
    private final PasskeyChallenges challenges;
    private final PasskeyCeremonies ceremonies;
    private final UserRepository users;
    private final Reauthentication reauthentication;
    private final SecurityLog securityLog;
    private final TransactionTemplate transaction;
    private final WebAuthnProperties settings;
    private final Clock clock;

    Passkeys(PasskeyRepository passkeys, PasskeyChallenges challenges, PasskeyCeremonies ceremonies,
            UserRepository users, Reauthentication reauthentication, SecurityLog securityLog,
            TransactionTemplate transaction, WebAuthnProperties settings, Clock clock) {
        this.passkeys = passkeys;
        this.challenges = challenges;
        this.ceremonies = ceremonies;
        this.users = users;
        this.reauthentication = reauthentication;
        this.securityLog = securityLog;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts registering a passkey: what {@code navigator.credentials.create()} needs. */
    public PasskeyOptions.Creation registrationOptions(CurrentUser user, String currentPassword, String clientAddress) {
        reauthentication.require(user, currentPassword, clientAddress);
        var account = users.findById(user.id()).orElseThrow(() -> ApiException.unauthorized("this account no longer exists"));
        var existing = passkeys.listOf(user.id());
        checkRoomFor(existing.size());
        var challenge = RandomTokens.generate();
        challenges.insert(challenge, PasskeyChallenges.Purpose.REGISTER, user.id(),
                clock.instant().plus(settings.challengeTtl()));
        return PasskeyOptions.Creation.of(settings,
                new PasskeyOptions.UserEntity(passkeys.userHandle(user.id()), account.email(), account.username()),
                challenge, existing.stream().map(PasskeyOptions.Descriptor::of).toList());
    }

    /** Finishes registering: verifies the browser's answer to a live challenge of this user's and stores the passkey. */
    public Passkey register(CurrentUser user, String credentialJson, String name, String clientAddress) {
        reauthentication.require(user, null, clientAddress);
        var validName = PasskeyRules.name(name, DEFAULT_NAME);
        try {
            var data = ceremonies.parseRegistration(credentialJson);
            if (!challenges.consume(PasskeyCeremonies.challengeOf(data.getCollectedClientData()),
                    PasskeyChallenges.Purpose.REGISTER, user.id(), clock.instant())) {
                throw ApiException.invalid("credential", "answers no live challenge: start again");
            }
            var registered = ceremonies.verifyRegistration(data);
            var now = clock.instant();
            return transaction.execute(tx -> {
                checkRoomFor(passkeys.countOf(user.id()));
                passkeys.insert(user.id(), registered.credentialId(), registered.credentialData(),
                        registered.signCount(), registered.transports(), validName, now);
                securityLog.byOwner(user.id(), SecurityEventKind.PASSKEY_ADDED, false, validName);
                return new Passkey(registered.credentialId(), validName, registered.transports(), now, null);
            });
        } catch (PasskeyCeremonies.Rejected e) {
            throw ApiException.invalid("credential", e.getMessage());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("passkey-exists", "credential", "is registered already");
        }
    }

    public List<Passkey> list(long userId) {
        return passkeys.listOf(userId);
    }

    public Passkey rename(long userId, String credentialId, String name) {
        var validName = PasskeyRules.name(name, null);
        if (!passkeys.rename(userId, credentialId, validName)) {
            throw ApiException.notFound("passkey");
        }
        return passkeys.listOf(userId).stream().filter(p -> p.id().equals(credentialId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("passkey"));
    }

    /** Deletes a passkey, unless it is the only way left into an account without a password. */
    public void delete(CurrentUser user, String credentialId, String currentPassword, String clientAddress) {
        reauthentication.require(user, currentPassword, clientAddress);
        var account = users.findById(user.id()).orElseThrow(() -> ApiException.unauthorized("this account no longer exists"));
        transaction.executeWithoutResult(tx -> {
            if (!PasskeyRules.mayRemoveOne(account.passwordHash() != null, passkeys.countOf(user.id()))) {
                throw ApiException.invalid("passkey", "is the only way into this account: set a password first");
            }
            if (!passkeys.delete(user.id(), credentialId)) {
                throw ApiException.notFound("passkey");
            }
            securityLog.byOwner(user.id(), SecurityEventKind.PASSKEY_REMOVED, false, null);
        });
    }

    private void checkRoomFor(int count) {
        if (count >= Passkey.MAX_PER_USER) {
            throw ApiException.invalid("passkeys", "are at most " + Passkey.MAX_PER_USER + " per account");
        }
    }
}
