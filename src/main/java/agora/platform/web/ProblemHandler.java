package agora.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import agora.platform.ApiException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns every exception that reaches Spring MVC into the one error shape; nothing leaks internals. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemWriter problems;

    ProblemHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    /** Written directly: these are the common answers (401, 404, 429), and they need no content negotiation. */
    @ExceptionHandler(ApiException.class)
    void api(ApiException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, e);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> add(errors, leaf(f.getField()), f.getDefaultMessage()));
        e.getBindingResult().getGlobalErrors().forEach(g -> add(errors, "body", g.getDefaultMessage()));
        return validation(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            var name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> add(errors, name, err.getDefaultMessage()));
        }
        return validation(errors);
    }

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(TypeMismatchException e) {
        var type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase();
        return validation(Map.of(String.valueOf(e.getPropertyName()), List.of("must be a valid " + type)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return validation(Map.of(e.getParameterName(), List.of("is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return validation(Map.of(e.getHeaderName(), List.of("header is required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (causedBy(e, BodyTooLargeException.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "request body is too large"));
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return validation(Map.of(unknown.getPropertyName(), List.of("is not a known field")));
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return validation(Map.of(path(mismatch), List.of("has the wrong type")));
        }
        if (e.getCause() instanceof StreamReadException || e.getCause() instanceof DatabindException) {
            return ResponseEntity.badRequest()
                    .body(Problems.of(HttpStatus.BAD_REQUEST, "malformed", "request body is not valid JSON"));
        }
        return validation(Map.of("body", List.of("request body is required")));
    }

    /** A multipart body the container cannot parse; one over the upload limit is answered 413 below. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "the upload is too large"));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed",
                "the multipart request body cannot be read"));
    }

    /** Tomcat parses the query string when a parameter is first read, so a bad escape surfaces here. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> malformedQuery(InvalidParameterException e) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed",
                "the query string cannot be read: a bad %-escape or too many parameters"));
    }

    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone() {
        // The client hung up; there is nobody to answer.
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e) {
        if (DatabaseUnavailable.causes(e)) {
            log.warn("Database unavailable: {}", DatabaseUnavailable.describe(e));
            return entity(DatabaseUnavailable.problem());
        }
        if (e instanceof ErrorResponse spring) {
            var status = spring.getStatusCode();
            var detail = spring.getBody().getDetail() != null ? spring.getBody().getDetail()
                    : HttpStatus.valueOf(status.value()).getReasonPhrase();
            return ResponseEntity.status(status).headers(spring.getHeaders())
                    .body(Problems.of(status, kindOf(status), detail));
        }
        log.error("Unhandled exception", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "something went wrong on our side; the request id identifies it"));
    }

    static String kindOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status.value();
        };
    }

    private static ResponseEntity<ProblemDetail> validation(Map<String, List<String>> errors) {
        return entity(ApiException.invalid(errors));
    }

    private static ResponseEntity<ProblemDetail> entity(ApiException e) {
        return ResponseEntity.status(e.status()).headers(Problems.headers(e)).body(Problems.of(e));
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, k -> new java.util.ArrayList<>()).add(message);
    }

    /** RealWorld names fields without their envelope: {@code user.email} is reported as {@code email}. */
    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String path(MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return "body";
        }
        var last = e.getPath().getLast();
        return last.getPropertyName() != null ? last.getPropertyName() : "[" + last.getIndex() + "]";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
