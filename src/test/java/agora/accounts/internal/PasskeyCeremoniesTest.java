package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import agora.test.SoftwareAuthenticator;

/** The WebAuthn checks against a software authenticator that really signs. */
class PasskeyCeremoniesTest {

    static final String RP_ID = "localhost";
    static final String ORIGIN = "http://localhost:8080";

    final PasskeyCeremonies ceremonies = new PasskeyCeremonies(
            new WebAuthnProperties(RP_ID, "Agora", List.of(ORIGIN), Duration.ofMinutes(3), true));
    final SoftwareAuthenticator authenticator = new SoftwareAuthenticator();

    PasskeyRepository.Stored registered() {
        var data = ceremonies.parseRegistration(authenticator.register(RandomTokens.generate(), RP_ID, ORIGIN, "handle"));
        var registered = ceremonies.verifyRegistration(data);
        return new PasskeyRepository.Stored(1, registered.credentialId(), registered.credentialData(),
                registered.signCount());
    }

    long signIn(SoftwareAuthenticator by, PasskeyRepository.Stored passkey, String rpId, String origin) {
        return ceremonies.verifyAssertion(ceremonies.parseAssertion(by.assertion(RandomTokens.generate(), rpId, origin)),
                passkey);
    }

    @Test
    void registersAndSignsInAnsweringTheChallengeItWasGiven() {
        var challenge = RandomTokens.generate();
        var data = ceremonies.parseRegistration(authenticator.register(challenge, RP_ID, ORIGIN, "handle"));
        assertThat(PasskeyCeremonies.challengeOf(data.getCollectedClientData())).isEqualTo(challenge);
        var registered = ceremonies.verifyRegistration(data);
        assertThat(registered.credentialId()).isEqualTo(authenticator.credentialId());
        assertThat(registered.transports()).containsExactly("internal");
        var passkey = new PasskeyRepository.Stored(1, registered.credentialId(), registered.credentialData(), 0);

        assertThat(signIn(authenticator, passkey, RP_ID, ORIGIN)).isEqualTo(1);
    }

    @Test
    void refusesAnotherOrigin() {
        assertThatThrownBy(() -> ceremonies.verifyRegistration(ceremonies.parseRegistration(
                authenticator.register(RandomTokens.generate(), RP_ID, "https://phish.example", "handle"))))
                .isInstanceOf(PasskeyCeremonies.Rejected.class).hasMessageContaining("origin");
        var passkey = registered();
        assertThatThrownBy(() -> signIn(authenticator, passkey, RP_ID, "http://localhost:8081"))
                .isInstanceOf(PasskeyCeremonies.Rejected.class).hasMessageContaining("origin");
    }

    @Test
    void refusesAnotherRelyingPartyId() {
        assertThatThrownBy(() -> ceremonies.verifyRegistration(ceremonies.parseRegistration(
                authenticator.register(RandomTokens.generate(), "phish.example", ORIGIN, "handle"))))
                .isInstanceOf(PasskeyCeremonies.Rejected.class).hasMessageContaining("relying party id");
        var passkey = registered();
        assertThatThrownBy(() -> signIn(authenticator, passkey, "example.com", ORIGIN))
                .isInstanceOf(PasskeyCeremonies.Rejected.class).hasMessageContaining("relying party id");
    }

    @Test
    void refusesAnAssertionReplayedAfterTheCounterMoved() {
        var passkey = registered();
        var assertion = authenticator.assertion(RandomTokens.generate(), RP_ID, ORIGIN);
        var count = ceremonies.verifyAssertion(ceremonies.parseAssertion(assertion), passkey);
        var afterUse = new PasskeyRepository.Stored(1, passkey.credentialId(), passkey.credentialData(), count);

        assertThatThrownBy(() -> ceremonies.verifyAssertion(ceremonies.parseAssertion(assertion), afterUse))
                .isInstanceOf(PasskeyCeremonies.Rejected.class).hasMessageContaining("counter");
    }

    @Test
    void refusesAClonedAuthenticatorWhoseCounterGoesBack() {
        var passkey = registered();
        var clone = authenticator.cloned();
        signIn(authenticator, passkey, RP_ID, ORIGIN);
        var count = signIn(authenticator, passkey, RP_ID, ORIGIN);
        var stored = new PasskeyRepository.Stored(1, passkey.credentialId(), passkey.credentialData(), count);

        assertThatThrownBy(() -> signIn(clone, stored, RP_ID, ORIGIN))
                .isInstanceOf(PasskeyCeremonies.Rejected.class).hasMessageContaining("sign counter that went back");
    }

    @Test
    void refusesAnAssertionWithoutUserVerification() {
        var passkey = registered();
        authenticator.userVerified(false);
        assertThatThrownBy(() -> signIn(authenticator, passkey, RP_ID, ORIGIN))
                .isInstanceOf(PasskeyCeremonies.Rejected.class).hasMessageContaining("user verification");
    }

    @Test
    void refusesAForgedSignature() {
        var passkey = registered();
        var impostor = new SoftwareAuthenticator();
        impostor.register(RandomTokens.generate(), RP_ID, ORIGIN, "handle");
        var forged = impostor.assertion(RandomTokens.generate(), RP_ID, ORIGIN)
                .replace(impostor.credentialId(), authenticator.credentialId());
        assertThatThrownBy(() -> ceremonies.verifyAssertion(ceremonies.parseAssertion(forged), passkey))
                .isInstanceOf(PasskeyCeremonies.Rejected.class).hasMessageContaining("signature");
    }

    @Test
    void refusesMalformedAnswers() {
        assertThatThrownBy(() -> ceremonies.parseAssertion("{\"id\":\"x\"}"))
                .isInstanceOf(PasskeyCeremonies.Rejected.class).hasMessage("is malformed");
        assertThatThrownBy(() -> ceremonies.parseRegistration("{\"response\":{\"clientDataJSON\":\"!!\"}}"))
                .isInstanceOf(PasskeyCeremonies.Rejected.class).hasMessage("is malformed");
    }

    @Test
    void anAccountWithoutPasswordKeepsItsLastPasskey() {
        assertThat(PasskeyRules.mayRemoveOne(false, 1)).isFalse();
        assertThat(PasskeyRules.mayRemoveOne(false, 2)).isTrue();
        assertThat(PasskeyRules.mayRemoveOne(true, 1)).isTrue();
    }

    @Test
    void aSignUpChallengeIsBoundToItsNamesAndGivesAStableUserHandle() {
        var challenge = RandomTokens.generate();
        var bound = PasskeyRules.signUpBinding(challenge, " erin ", "erin@example.com");
        assertThat(bound).isEqualTo(PasskeyRules.signUpBinding(challenge, "erin", "erin@example.com "))
                .isNotEqualTo(PasskeyRules.signUpBinding(challenge, "erin2", "erin@example.com"))
                .isNotEqualTo(PasskeyRules.signUpBinding(challenge, "erin", "erin2@example.com"));

        var handle = PasskeyRules.signUpUserHandle(challenge);
        assertThat(handle).isEqualTo(PasskeyRules.signUpUserHandle(challenge))
                .isNotEqualTo(PasskeyRules.signUpUserHandle(RandomTokens.generate()));
        // 32 bytes in base64url, the form an authenticator's user handle comes back in
        assertThat(PasskeyCeremonies.encode(Base64.getUrlDecoder().decode(handle))).isEqualTo(handle).hasSize(43);
    }
}
