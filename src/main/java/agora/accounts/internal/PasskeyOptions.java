package agora.accounts.internal;

import java.util.List;

/**
 * What the browser's {@code navigator.credentials.create()} / {@code .get()} need, in the JSON shapes of WebAuthn
 * Level 3 ({@code PublicKeyCredentialCreationOptionsJSON}, {@code PublicKeyCredentialRequestOptionsJSON}): binary
 * values in base64url, so {@code PublicKeyCredential.parseCreationOptionsFromJSON} can take them as they are.
 */
public final class PasskeyOptions {

    private PasskeyOptions() {
    }

    /** ES256, EdDSA and RS256, the algorithms authenticators use in practice, in order of preference. */
    static final List<Parameter> ALGORITHMS = List.of(new Parameter("public-key", -7), new Parameter("public-key", -8),
            new Parameter("public-key", -257));

    public record Creation(RelyingParty rp, UserEntity user, String challenge, List<Parameter> pubKeyCredParams,
            long timeout, List<Descriptor> excludeCredentials, Selection authenticatorSelection, String attestation) {

        /** Options for a discoverable passkey of {@code user}, with no attestation asked for. */
        static Creation of(WebAuthnProperties settings, UserEntity user, String challenge, List<Descriptor> exclude) {
            return new Creation(new RelyingParty(settings.rpId(), settings.rpName()), user, challenge, ALGORITHMS,
                    settings.challengeTtl().toMillis(), exclude,
                    new Selection("required", true, settings.userVerificationRequired() ? "required" : "preferred"),
                    "none");
        }
    }

    public record Request(String challenge, long timeout, String rpId, List<Descriptor> allowCredentials,
            String userVerification) {
    }

    public record RelyingParty(String id, String name) {
    }

    /** @param id the user handle, base64url */
    public record UserEntity(String id, String name, String displayName) {
    }

    public record Parameter(String type, int alg) {
    }

    public record Descriptor(String type, String id, List<String> transports) {

        static Descriptor of(Passkey passkey) {
            return new Descriptor("public-key", passkey.id(), passkey.transports());
        }
    }

    /** A discoverable credential (a passkey proper), so that signing in needs no email typed. */
    public record Selection(String residentKey, boolean requireResidentKey, String userVerification) {
    }
}
