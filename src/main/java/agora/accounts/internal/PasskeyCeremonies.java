package agora.accounts.internal;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;

/**
 * The WebAuthn checks, by webauthn4j: a browser's answer (a {@code PublicKeyCredential} as JSON, binary fields in
 * base64url) is parsed, then verified against the configured relying party id and origins, the challenge, user
 * presence and (when required) user verification, the signature with the stored public key, and the sign counter.
 * Attestation is "none": Agora trusts the user's choice of authenticator and does not check its make.
 */
@Component
class PasskeyCeremonies {

    /** Why an answer was refused, in words a client can show. */
    static final class Rejected extends RuntimeException {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A verified new passkey, ready to store. */
    record Registered(String credentialId, String credentialData, long signCount, List<String> transports) {
    }

    private static final Map<Class<? extends VerificationException>, String> REASONS = Map.of(
            BadOriginException.class, "comes from an origin that is not allowed",
            BadRpIdException.class, "was made for another site (relying party id)",
            BadChallengeException.class, "answers another challenge",
            InconsistentClientDataTypeException.class, "is of the wrong ceremony type",
            UserNotPresentException.class, "lacks user presence",
            UserNotVerifiedException.class, "lacks user verification",
            MaliciousCounterValueException.class, "has a sign counter that went back (a cloned authenticator?)",
            BadSignatureException.class, "has an invalid signature",
            NotAllowedAlgorithmException.class, "uses a key algorithm that is not allowed");

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter credentialData =
            new AttestedCredentialDataConverter(new ObjectConverter());
    private final WebAuthnProperties settings;
    private final Set<Origin> origins;

    PasskeyCeremonies(WebAuthnProperties settings) {
        this.settings = settings;
        this.origins = settings.origins().stream().map(Origin::create).collect(Collectors.toUnmodifiableSet());
    }

    RegistrationData parseRegistration(String json) {
        return parse(() -> manager.parseRegistrationResponseJSON(json), RegistrationData::getCollectedClientData);
    }

    AuthenticationData parseAssertion(String json) {
        return parse(() -> manager.parseAuthenticationResponseJSON(json), AuthenticationData::getCollectedClientData);
    }

    /** The challenge the browser signed, base64url, as it was handed out. */
    static String challengeOf(CollectedClientData clientData) {
        return BASE64URL.encodeToString(clientData.getChallenge().getValue());
    }

    /** Verifies a new passkey, whose challenge the caller has checked is live and has used up. */
    Registered verifyRegistration(RegistrationData data) {
        var parameters = new RegistrationParameters(serverProperty(data.getCollectedClientData()),
                settings.userVerificationRequired(), true);
        try {
            manager.verify(data, parameters);
        } catch (VerificationException e) {
            throw rejected(e);
        }
        var authenticatorData = data.getAttestationObject().getAuthenticatorData();
        var attested = authenticatorData.getAttestedCredentialData();
        var transports = data.getTransports() == null ? List.<String>of()
                : data.getTransports().stream().map(AuthenticatorTransport::getValue).sorted().toList();
        return new Registered(encode(attested.getCredentialId()), encode(credentialData.convert(attested)),
                authenticatorData.getSignCount(), transports);
    }

    /** Verifies an assertion by a stored passkey; answers the authenticator's new sign counter. */
    long verifyAssertion(AuthenticationData data, PasskeyRepository.Stored passkey) {
        var attested = credentialData.convert(BASE64URL_DECODER.decode(passkey.credentialData()));
        var record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null, passkey.signCount(),
                attested, null, null, null, null);
        var parameters = new AuthenticationParameters(serverProperty(data.getCollectedClientData()), record,
                List.of(attested.getCredentialId()), settings.userVerificationRequired(), true);
        try {
            manager.verify(data, parameters);
        } catch (VerificationException e) {
            throw rejected(e);
        }
        return data.getAuthenticatorData().getSignCount();
    }

    static String encode(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    private ServerProperty serverProperty(CollectedClientData clientData) {
        return ServerProperty.builder().origins(origins).rpId(settings.rpId())
                .challenge(new DefaultChallenge(clientData.getChallenge().getValue())).build();
    }

    /** Parses an answer that must name its challenge; anything unreadable is "malformed". */
    private static <T> T parse(Supplier<T> parsing, Function<T, CollectedClientData> clientData) {
        T data;
        try {
            data = parsing.get();
        } catch (RuntimeException e) {
            // webauthn4j reports bad input as its DataConversionException, Jackson's exceptions, or missing fields
            throw new Rejected("is malformed");
        }
        var collected = clientData.apply(data);
        if (collected == null || collected.getChallenge() == null) {
            throw new Rejected("is malformed");
        }
        return data;
    }

    private static Rejected rejected(VerificationException e) {
        return new Rejected(REASONS.getOrDefault(e.getClass(), "is invalid"));
    }
}
