package agora.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;

/**
 * A passkey authenticator in software that really signs: an ES256 key pair, attestation "none". It answers with the
 * JSON a browser's {@code PublicKeyCredential.toJSON()} gives. webauthn4j only encodes its CBOR; the signature is the
 * JDK's. Each answer may be made for any relying party id and origin, so tests can play a phishing site.
 */
public final class SoftwareAuthenticator {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectConverter CBOR = new ObjectConverter();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KeyPair keys;
    private final byte[] credentialId;
    private long counter;
    private String userHandle;
    private boolean userVerified = true;

    public SoftwareAuthenticator() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.credentialId = new byte[16];
        new SecureRandom().nextBytes(credentialId);
    }

    private SoftwareAuthenticator(SoftwareAuthenticator original) {
        this.keys = original.keys;
        this.credentialId = original.credentialId;
        this.counter = original.counter;
        this.userHandle = original.userHandle;
    }

    /** A copy of the key and its counter as they are now: a cloned authenticator. */
    public SoftwareAuthenticator cloned() {
        return new SoftwareAuthenticator(this);
    }

    /** Whether answers claim the user was verified (PIN, biometrics). */
    public SoftwareAuthenticator userVerified(boolean verified) {
        this.userVerified = verified;
        return this;
    }

    public String credentialId() {
        return BASE64URL.encodeToString(credentialId);
    }

    /** The answer to {@code navigator.credentials.create()}; remembers the user handle, as a passkey does. */
    public String register(String challenge, String rpId, String origin, String userHandle) {
        this.userHandle = userHandle;
        var attested = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        var authenticatorData = new AuthenticatorData<RegistrationExtensionAuthenticatorOutput>(
                sha256(rpId.getBytes(StandardCharsets.UTF_8)), (byte) (flags() | AuthenticatorData.BIT_AT), counter,
                attested);
        var attestation = new AttestationObjectConverter(CBOR)
                .convertToBytes(new AttestationObject(authenticatorData, new NoneAttestationStatement()));
        var response = new LinkedHashMap<String, Object>();
        response.put("clientDataJSON", encode(clientData("webauthn.create", challenge, origin)));
        response.put("attestationObject", encode(attestation));
        response.put("transports", List.of("internal"));
        return credential(response);
    }

    /** The answer to {@code navigator.credentials.get()}: counts up once and signs. */
    public String assertion(String challenge, String rpId, String origin) {
        counter++;
        var authenticatorData = new AuthenticatorDataConverter(CBOR).convert(
                new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags(), counter));
        var clientData = clientData("webauthn.get", challenge, origin);
        var response = new LinkedHashMap<String, Object>();
        response.put("clientDataJSON", encode(clientData));
        response.put("authenticatorData", encode(authenticatorData));
        response.put("signature", encode(sign(authenticatorData, sha256(clientData))));
        response.put("userHandle", userHandle);
        return credential(response);
    }

    private byte flags() {
        return (byte) (AuthenticatorData.BIT_UP | (userVerified ? AuthenticatorData.BIT_UV : 0));
    }

    private String credential(Map<String, Object> response) {
        var credential = new LinkedHashMap<String, Object>();
        credential.put("id", credentialId());
        credential.put("rawId", credentialId());
        credential.put("type", "public-key");
        credential.put("response", response);
        credential.put("clientExtensionResults", Map.of());
        credential.put("authenticatorAttachment", "platform");
        return JSON.writeValueAsString(credential);
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return JSON.writeValueAsBytes(Map.of("type", type, "challenge", challenge, "origin", origin,
                "crossOrigin", false));
    }

    private byte[] sign(byte[] authenticatorData, byte[] clientDataHash) {
        try {
            var signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(authenticatorData);
            signature.update(clientDataHash);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }
}
