package agora.moderation.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import agora.accounts.Role;
import agora.platform.ApiException;
import agora.platform.Timestamps;

/** Who may suspend whom, and until when. Pure, so the rules are tested without Spring. */
public final class SuspensionRules {

    private SuspensionRules() {
    }

    /** The end of a suspension: an ISO-8601 instant in the future, or null for good. */
    public static Instant until(String text, Instant now) {
        if (text == null) {
            return null;
        }
        Instant until;
        try {
            until = Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("until", "must be an ISO-8601 instant such as 2030-01-31T12:00:00Z, or null for good");
        }
        if (!until.isAfter(now)) {
            throw ApiException.invalid("until", "must be in the future");
        }
        return until;
    }

    /** What the audit log says a suspension set. */
    public static String detail(Instant until) {
        return until == null ? "for good" : "until " + Timestamps.format(until);
    }

    /**
     * Nobody acts on their own account, and an admin's account is out of moderators' reach: an admin is suspended
     * only after another admin took the admin role away.
     */
    public static void checkMayActOn(long actorId, long targetId, Set<Role> targetRoles, String what) {
        if (actorId == targetId) {
            throw ApiException.invalid("username", "you cannot " + what + " yourself");
        }
        if (targetRoles.contains(Role.ADMIN)) {
            throw ApiException.forbidden("moderators cannot " + what + " an admin: an admin loses the admin role first");
        }
    }
}
