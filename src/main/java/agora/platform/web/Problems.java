package agora.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import agora.platform.ApiException;
import agora.platform.RateLimitExceeded;

/** Builds the one error shape: RFC 9457 fields plus RealWorld's {@code errors} map. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail of(HttpStatusCode status, String kind, String detail, Map<String, List<String>> errors) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:agora:problem:" + kind));
        problem.setProperty("errors", errors == null || errors.isEmpty() ? Map.of("body", List.of(detail)) : errors);
        return problem;
    }

    static ProblemDetail of(HttpStatusCode status, String kind, String detail) {
        return of(status, kind, detail, null);
    }

    static ProblemDetail of(ApiException e) {
        var problem = of(e.status(), e.kind(), e.getMessage(), e.errors());
        e.extensions().forEach(problem::setProperty);
        return problem;
    }

    /** The headers that go with a problem: when to come back, how to authenticate, where a limit stands. */
    static HttpHeaders headers(ApiException e) {
        var headers = new HttpHeaders();
        if (e.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Token");
        }
        if (e instanceof RateLimitExceeded limited) {
            headers.set(RateLimitExceeded.POLICY_HEADER, limited.policyHeader());
            headers.set(RateLimitExceeded.STATE_HEADER, limited.stateHeader());
        }
        return headers;
    }
}
