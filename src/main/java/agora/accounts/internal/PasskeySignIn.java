package agora.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.webauthn4j.data.AuthenticationData;

import agora.accounts.CurrentUser;
import agora.platform.ApiException;

/**
 * Proving who one is with a passkey: signing in (with no email typed, the browser offering the site's discoverable
 * passkeys, or after typing it), and re-confirming a session before a sensitive change. A verified passkey with user
 * verification is two factors at once (something one has, unlocked by something one knows or is), so no TOTP step
 * follows.
 */
@Service
public class PasskeySignIn {

    private final PasskeyRepository passkeys;
    private final PasskeyChallenges challenges;
    private final PasskeyCeremonies ceremonies;
    private final UserRepository users;
    private final Login login;
    private final Suspensions suspensions;
    private final Reauthentication reauthentication;
    private final SecurityLog securityLog;
    private final WebAuthnProperties settings;
    private final byte[] decoyKey;
    private final Clock clock;

    PasskeySignIn(PasskeyRepository passkeys, PasskeyChallenges challenges, PasskeyCeremonies ceremonies,
            UserRepository users, Login login, Suspensions suspensions, Reauthentication reauthentication,
            SecurityLog securityLog, WebAuthnProperties settings, AuthProperties auth, Clock clock) {
        this.passkeys = passkeys;
        this.challenges = challenges;
        this.ceremonies = ceremonies;
        this.users = users;
        this.login = login;
        this.suspensions = suspensions;
        this.reauthentication = reauthentication;
        this.securityLog = securityLog;
        this.settings = settings;
        this.decoyKey = ("passkey-decoys:" + auth.jwtSecret()).getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /**
     * Starts a sign-in. Without an email, the browser offers whichever of the site's passkeys it holds. With one, the
     * options list that account's passkeys; for an unknown email or one without passkeys, a made-up one that stays the
     * same, so that the answer does not tell whether the account exists.
     */
    public PasskeyOptions.Request signInOptions(String email) {
        List<PasskeyOptions.Descriptor> allowed = List.of();
        if (email != null && !email.isBlank()) {
            allowed = users.findByEmail(email).map(user -> passkeys.listOf(user.id())).orElse(List.of()).stream()
                    .map(PasskeyOptions.Descriptor::of).toList();
            if (allowed.isEmpty()) {
                allowed = List.of(new PasskeyOptions.Descriptor("public-key", decoyCredentialId(email),
                        List.of("internal")));
            }
        }
        return requestOptions(PasskeyChallenges.Purpose.SIGN_IN, null, allowed);
    }

    /** Finishes a sign-in: the same outcome as a password and a TOTP code. */
    public Login.SignedIn signIn(String credentialJson, String clientAddress) {
        AuthenticationData data;
        try {
            data = ceremonies.parseAssertion(credentialJson);
        } catch (PasskeyCeremonies.Rejected e) {
            throw refused(e.getMessage());
        }
        if (!challenges.consume(PasskeyCeremonies.challengeOf(data.getCollectedClientData()),
                PasskeyChallenges.Purpose.SIGN_IN, null, clock.instant())) {
            throw refused("answers no live challenge: start again");
        }
        var passkey = passkeys.find(PasskeyCeremonies.encode(data.getCredentialId()))
                .orElseThrow(() -> refused("is not registered here"));
        // A discoverable passkey names its user; it must be the owner we have on record.
        if (data.getUserHandle() != null && !passkeys.findUserHandle(passkey.userId())
                .map(handle -> handle.equals(PasskeyCeremonies.encode(data.getUserHandle()))).orElse(false)) {
            throw refused("belongs to another user");
        }
        try {
            verifyAndRecord(data, passkey);
        } catch (PasskeyCeremonies.Rejected e) {
            securityLog.byOwner(passkey.userId(), SecurityEventKind.SIGN_IN_FAILED, false, "passkey " + e.getMessage());
            throw refused(e.getMessage());
        }
        var user = users.findById(passkey.userId()).orElseThrow(() -> refused("is not registered here"));
        suspensions.checkMaySignIn(user.id());
        return login.signIn(user, Login.Method.PASSKEY, true, false, clientAddress);
    }

    /** Starts re-confirming the signed-in user with one of their passkeys. */
    public PasskeyOptions.Request reauthenticationOptions(CurrentUser user) {
        var allowed = passkeys.listOf(user.id()).stream().map(PasskeyOptions.Descriptor::of).toList();
        if (allowed.isEmpty()) {
            throw ApiException.invalid("passkey", "none is registered for this account");
        }
        return requestOptions(PasskeyChallenges.Purpose.REAUTHENTICATE, user.id(), allowed);
    }

    /** Re-confirms the session with an assertion by one of the user's own passkeys (422 otherwise). */
    public void reauthenticate(CurrentUser user, String credentialJson) {
        try {
            var data = ceremonies.parseAssertion(credentialJson);
            if (!challenges.consume(PasskeyCeremonies.challengeOf(data.getCollectedClientData()),
                    PasskeyChallenges.Purpose.REAUTHENTICATE, user.id(), clock.instant())) {
                throw new PasskeyCeremonies.Rejected("answers no live challenge: start again");
            }
            var passkey = passkeys.find(PasskeyCeremonies.encode(data.getCredentialId()))
                    .filter(p -> p.userId() == user.id())
                    .orElseThrow(() -> new PasskeyCeremonies.Rejected("is not one of this account's passkeys"));
            verifyAndRecord(data, passkey);
        } catch (PasskeyCeremonies.Rejected e) {
            throw ApiException.invalid("credential", e.getMessage());
        }
        reauthentication.confirmed(user.sessionId());
    }

    private void verifyAndRecord(AuthenticationData data, PasskeyRepository.Stored passkey) {
        var signCount = ceremonies.verifyAssertion(data, passkey);
        // Compare-and-set: of two concurrent uses of one assertion (or of a clone), only one moves the counter.
        if (!passkeys.recordUse(passkey.credentialId(), passkey.signCount(), signCount, clock.instant())) {
            throw new PasskeyCeremonies.Rejected("was used concurrently: try again");
        }
    }

    private PasskeyOptions.Request requestOptions(PasskeyChallenges.Purpose purpose, Long userId,
            List<PasskeyOptions.Descriptor> allowed) {
        var challenge = RandomTokens.generate();
        challenges.insert(challenge, purpose, userId, clock.instant().plus(settings.challengeTtl()));
        return new PasskeyOptions.Request(challenge, settings.challengeTtl().toMillis(), settings.rpId(), allowed,
                settings.userVerificationRequired() ? "required" : "preferred");
    }

    private String decoyCredentialId(String email) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(decoyKey, "HmacSHA256"));
            var digest = mac.doFinal(LoginAttempts.accountKey(email).getBytes(StandardCharsets.UTF_8));
            return PasskeyCeremonies.encode(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException refused(String reason) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid-passkey", "passkey " + reason,
                Map.of("credential", List.of(reason)), null);
    }
}
