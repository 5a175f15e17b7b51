package agora.moderation.internal;

import java.util.Locale;

/** What a moderator or admin did, as the audit log names it. */
public enum AuditAction {
    HIDE, RESTORE, SUSPEND, UNSUSPEND, DISMISS, ROLES;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
