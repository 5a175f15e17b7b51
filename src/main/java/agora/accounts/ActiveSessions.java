package agora.accounts;

import java.util.UUID;

/**
 * Whether a session still stands, for work that outlives the request that was authenticated with it (a live
 * stream). Answers like authentication does: from this node's cache of checked sessions, which every revocation
 * clears on every node (see {@link SessionsEnded}).
 */
public interface ActiveSessions {

    boolean isActive(UUID sessionId);
}
