package agora.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import agora.platform.ApiException;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem from code that runs outside Spring MVC (filters, security entry points). */
@Component
class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, ApiException e) throws IOException {
        if (e.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Problems.retryAfter(e.retryAfter()));
        }
        write(response, Problems.of(e));
    }

    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
