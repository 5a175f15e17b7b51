package agora.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request over a fair-use limit: 429 with {@code Retry-After} and the {@code RateLimit-Policy} and
 * {@code RateLimit} header values of the limit it hit.
 */
public class RateLimitExceeded extends ApiException {

    /** The quota (IETF draft-ietf-httpapi-ratelimit-headers), e.g. {@code "writes";q=60;w=300}. */
    public static final String POLICY_HEADER = "RateLimit-Policy";
    /** Where the client stands, e.g. {@code "writes";r=0;t=300}. */
    public static final String STATE_HEADER = "RateLimit";

    private final String policyHeader;
    private final String stateHeader;

    public RateLimitExceeded(String detail, Duration retryAfter, String policyHeader, String stateHeader) {
        super(HttpStatus.TOO_MANY_REQUESTS, "throttled", detail, Map.of("body", List.of(detail)), retryAfter);
        this.policyHeader = policyHeader;
        this.stateHeader = stateHeader;
    }

    public String policyHeader() {
        return policyHeader;
    }

    public String stateHeader() {
        return stateHeader;
    }
}
