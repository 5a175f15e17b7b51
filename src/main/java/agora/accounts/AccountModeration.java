package agora.accounts;

import java.time.Instant;
import java.util.Set;

/** What moderators and admins do to accounts. Callers record their own audit trail. */
public interface AccountModeration {

    /**
     * Suspends a user until {@code until} (null: for good): revokes every session at once on every node, refuses
     * sign-in until it ends, and publishes {@link UserSuspended} in the transaction. Suspending a suspended user
     * replaces the suspension.
     */
    Suspension suspend(long userId, Instant until, String reason);

    /** Ends a suspension now; publishes {@link SuspensionLifted}. False if the user was not suspended. */
    boolean liftSuspension(long userId);

    Set<Role> roles(long userId);

    /** Replaces the user's roles; their sessions are revoked so new tokens carry the new roles. */
    void changeRoles(long userId, Set<Role> roles);
}
