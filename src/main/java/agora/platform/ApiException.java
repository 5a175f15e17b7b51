package agora.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on. Rendered everywhere in the one error shape
 * ({@code application/problem+json} with RealWorld's {@code errors} map).
 *
 * @param kind short machine-readable problem kind, becomes the problem {@code type}
 * @param errors field name to messages; non-field problems use the key {@code body}
 * @param retryAfter for 429 and 503 answers, how long the client should wait; otherwise null
 *
 * <p>It carries no stack trace: it is an answer, not a bug, and some are thrown on every such request (a 401 for a
 * missing token, a 429), where filling in a virtual thread's deep stack cost more than the rest of the answer.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final Map<String, List<String>> errors;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String kind, String detail, Map<String, List<String>> errors,
            Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.errors = errors;
        this.retryAfter = retryAfter;
    }

    public static ApiException invalid(String field, String message) {
        return invalid(Map.of(field, List.of(message)));
    }

    public static ApiException invalid(Map<String, List<String>> errors) {
        var detail = errors.entrySet().stream()
                .map(e -> e.getKey() + " " + String.join(", ", e.getValue()))
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "validation", detail, new LinkedHashMap<>(errors), null);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " not found",
                Map.of("body", List.of(what + " not found")), null);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", detail, Map.of("body", List.of(detail)), null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail, Map.of("body", List.of(detail)), null);
    }

    public static ApiException conflict(String kind, String field, String detail) {
        return new ApiException(HttpStatus.CONFLICT, kind, detail, Map.of(field, List.of(detail)), null);
    }

    public static ApiException tooManyRequests(String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "throttled", detail, Map.of("body", List.of(detail)),
                retryAfter);
    }

    /** Load shedding: the server (or what it depends on) cannot take this request now; come back later. */
    public static ApiException unavailable(String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail, Map.of("body", List.of(detail)),
                retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Extra members of the problem (RFC 9457 extensions) for clients to read; none unless a subclass adds them. */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}
