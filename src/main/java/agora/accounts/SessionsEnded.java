package agora.accounts;

import java.util.UUID;

/**
 * Published on every node, on its own (not in a transaction), once sessions may have ended there: one session
 * (logout), every session of a user (password change or reset, revoke-all, deletion; also a new name or role), or
 * any session (this node may have missed such news). Holders of long-lived authenticated work ask
 * {@link ActiveSessions} which of theirs still stand.
 *
 * @param sessionId the one session, or null
 * @param userId the user whose sessions, or null
 */
public record SessionsEnded(UUID sessionId, Long userId) {

    /** Whether a session of this user may be among those that ended. */
    public boolean mayConcern(UUID session, long user) {
        return (sessionId == null && userId == null) || session.equals(sessionId) || Long.valueOf(user).equals(userId);
    }
}
