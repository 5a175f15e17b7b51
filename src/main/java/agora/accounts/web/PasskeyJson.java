package agora.accounts.web;

import java.util.List;

import tools.jackson.databind.JsonNode;

import agora.accounts.internal.Passkey;
import agora.platform.Timestamps;

/** Request and response bodies of the passkey endpoints. */
final class PasskeyJson {

    private PasskeyJson() {
    }

    /** Optional body of a sensitive step: the current password, when the session is not recent. */
    record Confirmation(String currentPassword) {
    }

    /** @param credential the browser's {@code PublicKeyCredential}, as {@code toJSON()} gives it */
    record Registration(JsonNode credential, String name) {
    }

    record Assertion(JsonNode credential) {
    }

    record SignInStart(String email) {
    }

    /** The account a passkey sign-up proposes: RealWorld's user envelope, without a password. */
    record NewAccount(String username, String email) {
    }

    record SignUpStart(NewAccount user) {
    }

    /** Finishing a sign-up: the same username and email as at the start, and the browser's new credential. */
    record SignUp(NewAccount user, JsonNode credential) {
    }

    record Rename(String name) {
    }

    record PasskeyView(String id, String name, List<String> transports, String createdAt, String lastUsedAt) {

        static PasskeyView of(Passkey passkey) {
            return new PasskeyView(passkey.id(), passkey.name(), passkey.transports(),
                    Timestamps.format(passkey.createdAt()), Timestamps.format(passkey.lastUsedAt()));
        }
    }

    record PasskeyResponse(PasskeyView passkey) {
    }

    record PasskeysResponse(List<PasskeyView> passkeys) {
    }
}
