package agora.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import agora.platform.ApiException;

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
        return of(e.status(), e.kind(), e.getMessage(), e.errors());
    }

    /** The {@code Retry-After} header's value: whole seconds, at least one. */
    static String retryAfter(Duration wait) {
        return Long.toString(Math.max(1, wait.toSeconds()));
    }
}
