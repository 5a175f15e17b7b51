package agora.accounts.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import agora.platform.ApiException;

/**
 * Signing up with a passkey and no password: the account and its passkey are created together, and the passkey (with
 * user verification) is then its only way in, two factors at once, until its owner sets a password. Otherwise like
 * {@link Accounts#register}: the same rules on the username and email, the same verification email and first session.
 */
@Service
public class PasskeySignUp {

    private final Accounts accounts;
    private final PasskeyRepository passkeys;
    private final PasskeyChallenges challenges;
    private final PasskeyCeremonies ceremonies;
    private final EmailLimits emailLimits;
    private final SecurityLog securityLog;
    private final WebAuthnProperties settings;
    private final Clock clock;

    PasskeySignUp(Accounts accounts, PasskeyRepository passkeys, PasskeyChallenges challenges,
            PasskeyCeremonies ceremonies, EmailLimits emailLimits, SecurityLog securityLog, WebAuthnProperties settings,
            Clock clock) {
        this.accounts = accounts;
        this.passkeys = passkeys;
        this.challenges = challenges;
        this.ceremonies = ceremonies;
        this.emailLimits = emailLimits;
        this.securityLog = securityLog;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a sign-up: checks the proposed username and email; answers what the browser needs to make a passkey. */
    public PasskeyOptions.Creation options(String username, String email) {
        accounts.checkNewAccount(username, email, List.of());
        var challenge = RandomTokens.generate();
        challenges.insert(PasskeyRules.signUpBinding(challenge, username, email), PasskeyChallenges.Purpose.SIGN_UP,
                null, clock.instant().plus(settings.challengeTtl()));
        return PasskeyOptions.Creation.of(settings, new PasskeyOptions.UserEntity(
                PasskeyRules.signUpUserHandle(challenge), email.strip(), username.strip()), challenge, List.of());
    }

    /**
     * Finishes a sign-up: the browser's answer must be to a live challenge issued for this very username and email.
     * The username and email are checked again (taken meanwhile: 422, as registering answers).
     */
    public Login.SignedIn signUp(String username, String email, String credentialJson) {
        accounts.checkNewAccount(username, email, List.of());
        String userHandle;
        PasskeyCeremonies.Registered registered;
        try {
            var data = ceremonies.parseRegistration(credentialJson);
            var challenge = PasskeyCeremonies.challengeOf(data.getCollectedClientData());
            if (!challenges.consume(PasskeyRules.signUpBinding(challenge, username, email),
                    PasskeyChallenges.Purpose.SIGN_UP, null, clock.instant())) {
                throw new PasskeyCeremonies.Rejected(
                        "answers no live challenge for this username and email: start again");
            }
            userHandle = PasskeyRules.signUpUserHandle(challenge);
            registered = ceremonies.verifyRegistration(data);
        } catch (PasskeyCeremonies.Rejected e) {
            throw ApiException.invalid("credential", e.getMessage());
        }
        if (passkeys.find(registered.credentialId()).isPresent()) {
            throw ApiException.conflict("passkey-exists", "credential", "is registered already");
        }
        emailLimits.toAddress(email);
        var now = clock.instant();
        return accounts.create(username, email, null, id -> {
            passkeys.insertUserHandle(id, userHandle);
            passkeys.insert(id, registered.credentialId(), registered.credentialData(), registered.signCount(),
                    registered.transports(), Passkeys.DEFAULT_NAME, now);
            securityLog.byOwner(id, SecurityEventKind.PASSKEY_ADDED, false, Passkeys.DEFAULT_NAME);
        });
    }
}
