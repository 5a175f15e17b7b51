package agora.accounts.internal;

import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client of the request under way: its address as the platform resolved it (honouring trusted proxies) and
 * its user agent, cut to what the tables keep.
 */
record RequestClient(String address, String userAgent) {

    /** Empty outside a web request (a scheduled job, a listener). */
    static Optional<RequestClient> current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var request = attributes.getRequest();
            return Optional.of(new RequestClient(
                    SecurityEvent.truncate(request.getRemoteAddr(), SecurityEvent.MAX_ADDRESS),
                    SecurityEvent.truncate(request.getHeader(HttpHeaders.USER_AGENT), SecurityEvent.MAX_USER_AGENT)));
        }
        return Optional.empty();
    }
}
