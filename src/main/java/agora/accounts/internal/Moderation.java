package agora.accounts.internal;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.accounts.AccountModeration;
import agora.accounts.Role;
import agora.accounts.Suspension;

/**
 * What moderators and admins do to accounts. Roles are stored as a ladder (see {@link User.Role}): the set given
 * is stored as the lowest step granting all of it, so an admin always reads back as a moderator too.
 */
@Service
class Moderation implements AccountModeration {

    private final Suspensions suspensions;
    private final UserRepository users;
    private final Sessions sessions;
    private final SecurityLog securityLog;

    Moderation(Suspensions suspensions, UserRepository users, Sessions sessions, SecurityLog securityLog) {
        this.suspensions = suspensions;
        this.users = users;
        this.sessions = sessions;
        this.securityLog = securityLog;
    }

    @Override
    public Suspension suspend(long userId, Instant until, String reason) {
        return suspensions.suspend(userId, until, reason);
    }

    @Override
    public boolean liftSuspension(long userId) {
        return suspensions.lift(userId);
    }

    /** IllegalArgumentException for an unknown (or deleted) user. */
    @Override
    public Set<Role> roles(long userId) {
        return users.findById(userId).orElseThrow(() -> new IllegalArgumentException("no such user: " + userId))
                .role().granted();
    }

    /**
     * IllegalArgumentException for an unknown user; IllegalStateException when it would take the admin role from
     * the last admin, who alone can give it back.
     */
    @Override
    @Transactional
    public void changeRoles(long userId, Set<Role> roles) {
        var user = users.lockById(userId).orElseThrow(() -> new IllegalArgumentException("no such user: " + userId));
        var role = User.Role.granting(roles);
        if (role == user.role()) {
            return;
        }
        if (user.role() == User.Role.ADMIN && users.countAdminsOtherThan(userId) == 0) {
            throw new IllegalStateException("the last admin cannot lose the admin role");
        }
        users.updateRole(userId, role);
        var granted = role.granted().stream().map(r -> r.name().toLowerCase()).sorted()
                .collect(Collectors.joining(", "));
        securityLog.withoutClient(userId, SecurityEventKind.ROLES_CHANGED, granted.isEmpty() ? "none" : granted);
        sessions.revokeAll(userId);
    }
}
