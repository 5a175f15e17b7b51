package agora.accounts;

import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in user of a request. A handler that declares a {@code CurrentUser} parameter requires
 * sign-in (401 otherwise); one that declares {@code Optional<CurrentUser>} works for everyone.
 *
 * @param token the access token the request carried (echoed back in RealWorld's User object)
 */
public record CurrentUser(long id, String username, UUID sessionId, boolean admin, String token) implements AuthenticatedPrincipal {

    /** Logs and metrics name users by id, never by email. */
    @Override
    public String getName() {
        return Long.toString(id);
    }

    @Override
    public String toString() {
        return "CurrentUser[id=" + id + ", username=" + username + ", sessionId=" + sessionId + "]";
    }
}
