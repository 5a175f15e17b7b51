package agora.accounts.internal;

import java.util.Locale;

/** What the security log records. Clients see the names in lower case with dashes ({@code sign-in-failed}). */
public enum SecurityEventKind {
    SIGNED_IN, SIGN_IN_FAILED, SIGNED_OUT, SESSIONS_REVOKED, PASSWORD_CHANGED, PASSWORD_RESET, EMAIL_CHANGED,
    TWO_FACTOR_ENABLED, TWO_FACTOR_DISABLED, SUSPENDED, SUSPENSION_LIFTED, ROLES_CHANGED, PASSKEY_ADDED, PASSKEY_REMOVED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
