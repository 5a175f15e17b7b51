package agora.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import agora.platform.ApiException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the response: from filters and security entry points, which run outside Spring MVC,
 * and for {@link ApiException}s, which are ordinary answers (a 401 for a missing token, a 404, a 429) and need none
 * of Spring MVC's content negotiation. The problem's {@code instance} is the request's path, as Spring MVC sets it.
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Problems.headers(e).forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
        write(request, response, Problems.of(e));
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (problem.getInstance() == null) {
            problem.setInstance(path(request));
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request's path as the client sent it; none when it is not a valid URI reference. */
    private static URI path(HttpServletRequest request) {
        try {
            return new URI(request.getRequestURI());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
