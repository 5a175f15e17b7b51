package agora.platform.replica;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who the client of the request on this thread is, for read-your-writes: the signed-in user, and the address it
 * connects from (as {@code agora.web.trusted-proxies} resolves it). Off requests there is none.
 */
final class RequestClient {

    private RequestClient() {
    }

    /** Whose write this is: the signed-in user's, else its address's (sign-up and login have no user yet). */
    static Optional<String> writer() {
        var keys = keys();
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.getFirst());
    }

    /** Whose writes a read must see: the signed-in user's and those made from its address before it signed in. */
    static List<String> keys() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return List.of();
        }
        var keys = new ArrayList<String>(2);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            keys.add("user:" + authentication.getName());
        }
        keys.add("address:" + attributes.getRequest().getRemoteAddr());
        return keys;
    }
}
