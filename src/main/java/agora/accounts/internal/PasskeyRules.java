package agora.accounts.internal;

import java.util.HexFormat;

import agora.platform.ApiException;

/** The rules on passkeys that need no database. */
final class PasskeyRules {

    private PasskeyRules() {
    }

    /** An account keeps at least one way in: without a password (signed up with a passkey), its last passkey stays. */
    static boolean mayRemoveOne(boolean hasPassword, int passkeys) {
        return hasPassword || passkeys > 1;
    }

    /**
     * What a sign-up challenge is stored as: the challenge bound to the proposed username and email, so that the
     * browser's answer finishes only the sign-up it was started for (another name or address finds no challenge).
     */
    static String signUpBinding(String challenge, String username, String email) {
        // A line break is in neither a valid username nor a valid email, so no two proposals share a binding.
        return challenge + "\n" + username.strip() + "\n" + email.strip();
    }

    /**
     * The WebAuthn user handle of an account signed up with a passkey: made from the challenge (random, and the same
     * at the options and at the finish, whose answer does not repeat the handle), so nothing needs storing between.
     */
    static String signUpUserHandle(String challenge) {
        // base64url of the 32 bytes, as the authenticator hands them back at sign-in
        return PasskeyCeremonies.encode(HexFormat.of().parseHex(RandomTokens.hash("user handle\n" + challenge)));
    }

    /** A passkey's name, trimmed; {@code fallback} when none is given (null: a name is required). */
    static String name(String name, String fallback) {
        var trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            if (fallback == null) {
                throw ApiException.invalid("name", "can't be blank");
            }
            return fallback;
        }
        if (trimmed.length() > Passkey.MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid("name", "must be at most " + Passkey.MAX_NAME + " printable characters");
        }
        return trimmed;
    }
}
