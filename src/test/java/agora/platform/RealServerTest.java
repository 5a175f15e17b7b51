package agora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What only a real servlet container shows: chunked bodies, container-level errors, the access log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.agora.access=info")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RealServerTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        // No Content-Length: the limit must be enforced while reading.
        InputStream body = new SequenceInputStream(Collections.enumeration(java.util.List.of(
                new ByteArrayInputStream("{\"user\":{\"username\":\"".getBytes()),
                new ByteArrayInputStream("a".repeat(2_000_000).getBytes()),
                new ByteArrayInputStream("\"}}".getBytes()))));
        var response = send(HttpRequest.newBuilder(uri("/api/users")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void everyRequestGetsOneAccessLogLineWithItsRequestId(CapturedOutput output) throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/api/user?token=secret-in-query"))
                .header("X-Request-Id", "access-log-check-1"));
        assertThat(response.statusCode()).isEqualTo(401);
        // The line is written once the request is done, which may be just after the client has the whole answer.
        var lines = Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().lines()
                .filter(l -> l.contains("access-log-check-1") && l.contains("agora.access")).toList(),
                found -> !found.isEmpty());
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).containsPattern("GET /api/user 401 \\d+\\.\\dms user=-")
                .doesNotContain("secret-in-query");
    }

    @Test
    void containerLevelErrorsUseTheErrorShapeToo() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/error")));
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"errors\"").doesNotContain("timestamp");
    }

    @Test
    void aQueryStringWithABadEscapeIsA400() throws Exception {
        // java.net.URI refuses to build this URL, so it goes over a plain socket.
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream().write("GET /api/articles?limit=%%% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            var response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("\"type\":\"urn:agora:problem:malformed\"");
        }
    }

    @Test
    void servesTheOpenApiDocumentAndItsBrowser() throws Exception {
        var document = send(HttpRequest.newBuilder(uri("/v3/api-docs")));
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("\"openapi\":\"3.1").contains("/api/users/login")
                .doesNotContain("\"/error\"").doesNotContain("\"name\":\"user\"");
        var docs = send(HttpRequest.newBuilder(uri("/docs")));
        assertThat(docs.statusCode()).isIn(200, 302);
        var ui = send(HttpRequest.newBuilder(uri("/swagger-ui/index.html")));
        assertThat(ui.statusCode()).isEqualTo(200);
    }
}
