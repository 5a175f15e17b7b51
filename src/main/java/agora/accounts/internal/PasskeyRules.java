package agora.accounts.internal;

import agora.platform.ApiException;

/** The rules on passkeys that need no database. */
final class PasskeyRules {

    private PasskeyRules() {
    }

    /**
     * An account keeps at least one way in: without a password, its last passkey cannot go. (Every account has a
     * password today; the rule guards accounts created by a passkey alone, should sign-up ever allow them.)
     */
    static boolean mayRemoveOne(boolean hasPassword, int passkeys) {
        return hasPassword || passkeys > 1;
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
