package agora.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.jayway.jsonpath.JsonPath;

import agora.AgoraApplication;
import agora.test.Api;

/**
 * Two nodes on one database: a token in use on node B stops working within a second when node A suspends its
 * user, and B refuses to sign the user in. On PostgreSQL the nodes keep the default session cache (10 s), so only
 * the revocation broadcast can end it that fast; on H2 there is no broadcast between nodes, so B trusts a checked
 * session for 300 ms only.
 */
class SuspensionAcrossNodesTest {

    static final Duration WITHIN = Duration.ofSeconds(1);
    static final boolean POSTGRES = System.getenv("AGORA_TEST_POSTGRES_URL") != null;

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startNodes() {
        nodeA = start();
        nodeB = start();
        if (POSTGRES) {
            assertThat(nodeB.getEnvironment().getProperty("agora.auth.session-cache-ttl")).isEqualTo("10s");
        }
    }

    @AfterAll
    static void stopNodes() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    static ConfigurableApplicationContext start() {
        var arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        if (!POSTGRES) {
            arguments.add("--agora.auth.session-cache-ttl=300ms");
        }
        return new SpringApplicationBuilder(AgoraApplication.class).profiles("test")
                .run(arguments.toArray(String[]::new));
    }

    HttpResponse<String> call(ConfigurableApplicationContext node, String method, String path, String token,
            String json) throws Exception {
        var port = node.getEnvironment().getProperty("local.server.port");
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSuspensionOnNodeAEndsTheSessionOnNodeBAtOnce() throws Exception {
        var name = Api.uniqueName("twonodes");
        var email = name + "@example.com";
        var registered = call(nodeA, "POST", "/api/users", null, Api.userJson(name, email, Api.PASSWORD));
        assertThat(registered.statusCode()).isEqualTo(201);
        String token = JsonPath.read(registered.body(), "$.user.token");
        // B has checked (and cached) the session.
        assertThat(call(nodeB, "GET", "/api/articles/feed?limit=1", token, null).statusCode()).isEqualTo(200);

        var id = nodeA.getBean(UserDirectory.class).findByUsername(name).orElseThrow().id();
        nodeA.getBean(AccountModeration.class).suspend(id, null, "spam");

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(20))
                .until(() -> call(nodeB, "GET", "/api/articles/feed?limit=1", token, null).statusCode() == 401);
        var login = call(nodeB, "POST", "/api/users/login", null, Api.loginJson(email, Api.PASSWORD));
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(login.body()).contains("suspended permanently: spam");
        assertThat(nodeB.getBean(AccountStanding.class).isSuspended(id)).isTrue();
    }
}
