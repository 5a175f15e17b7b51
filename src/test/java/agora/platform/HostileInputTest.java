package agora.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks every operation of the served API document and sends it what careless and hostile clients send: unknown,
 * overlong and oddly encoded ids, malformed and wrongly typed bodies, bad query values, no token, a forged one.
 * Every answer must be a success or a 4xx in the error shape, never a 5xx. Over a real server, because Tomcat
 * itself parses query strings ({@link RealServerTest} sends the escapes that {@link URI} refuses to build).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HostileInputTest {

    static final Map<String, List<String>> PATH_VALUES = Map.of(
            "id", List.of("nonexistent", "-1", "99999999999999999999", "x".repeat(300)),
            "provider", List.of("stripe", "unknown"));
    static final List<String> ANY_PATH_VALUE = List.of("nonexistent", "x".repeat(300), "%E2%82%AC%20%27%22");

    static final List<String> BODIES = List.of("{", "[]", "\"text\"", "null", "123", "{}", "{\"unknown\":1}",
            "{\"user\":[]}", "{\"user\":{\"email\":[],\"password\":{},\"username\":1}}",
            "{\"article\":{\"title\":123,\"tagList\":\"x\",\"body\":null}}",
            "{\"product\":{\"price\":\"x\",\"stock\":-1,\"tags\":{},\"images\":[1]}}",
            "{\"product\":{\"title\":\"t\",\"price\":{\"amount\":1e400,\"currency\":\"€\"},\"stock\":99999999999999999999}}",
            "{\"quantity\":\"x\"}", "{\"quantity\":99999999999999999999}", "{\"quantity\":-3}",
            "{\"paymentMethod\":[],\"shippingAddress\":\"x\"}", "{\"amount\":-5,\"reason\":{}}",
            "{\"comment\":{\"body\":{}}}", "{\"code\":12345678901234567890}",
            "{\"token\":\"\\u0000\",\"password\":\"" + "p".repeat(5000) + "\"}");

    static final List<String> QUERIES = List.of("?limit=abc", "?limit=-1", "?limit=100000", "?offset=99999999999999999999",
            "?offset=-5", "?cursor=bm90IGEgY3Vyc29y", "?q=" + "%28%22%5B%7E%5E".repeat(20),
            "?q=" + "a".repeat(300), "?type=bogus&sort=bogus", "?minPrice=x&maxPrice=-1&currency=XXX",
            "?inStock=maybe&explain=perhaps&as=bogus", "?tag=" + "t".repeat(3000));

    /** A stream answers 200 and never ends; its bad input is tested with it (LiveStreamTest). */
    static final List<String> STREAMS = List.of("/api/notifications/stream");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void noOperationAnswersBadInputWithAServerError() throws Exception {
        var document = json.readTree(send("GET", "/v3/api-docs", null, null).body());
        var failures = new ArrayList<String>();
        int sent = 0;
        for (var path : document.get("paths").properties()) {
            if (STREAMS.contains(path.getKey())) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                var method = operation.getKey().toUpperCase();
                for (var concrete : concretePaths(path.getKey(), operation.getValue())) {
                    // Fresh accounts for each path: some operations log out or delete the account they act for.
                    var user = Api.signUp(mvc, "hostile");
                    var admin = Api.signUp(mvc, "hostileadmin");
                    jdbc.sql("update users set role = 'ADMIN' where username = ?").param(admin.username()).update();
                    var probes = new ArrayList<Probe>();
                    for (var token : new String[] { null, "not.a.token", admin.token() }) {
                        probes.add(new Probe(concrete, null, token));
                    }
                    if (method.equals("GET")) {
                        QUERIES.forEach(q -> probes.add(new Probe(concrete + q, null, user.token())));
                    } else {
                        BODIES.forEach(b -> probes.add(new Probe(concrete, b, user.token())));
                    }
                    for (var probe : probes) {
                        var response = send(method, probe.path, probe.body, probe.token);
                        sent++;
                        var type = response.headers().firstValue("Content-Type").orElse("");
                        if (response.statusCode() >= 500
                                || response.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
                            failures.add(response.statusCode() + " " + method + " " + probe.path + " body " + probe.body
                                    + " -> " + response.body());
                        }
                    }
                }
            }
        }
        assertThat(sent).as("requests sent over the whole document").isGreaterThan(1500);
        assertThat(failures).isEmpty();
    }

    /** The operation's path with its path parameters filled in each of the ways worth trying. */
    static List<String> concretePaths(String template, JsonNode operation) {
        var paths = List.of(template);
        for (var parameter : operation.path("parameters")) {
            if (!parameter.path("in").asString().equals("path")) {
                continue;
            }
            var name = parameter.path("name").asString();
            var next = new ArrayList<String>();
            for (var path : paths) {
                for (var value : PATH_VALUES.getOrDefault(name, ANY_PATH_VALUE)) {
                    next.add(path.replace("{" + name + "}", value));
                }
            }
            paths = next;
        }
        return paths;
    }

    record Probe(String path, String body, String token) {
    }

    HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Stripe-Signature", "t=1,v1=forged");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
