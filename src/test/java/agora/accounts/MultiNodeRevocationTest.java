package agora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.jayway.jsonpath.JsonPath;

import agora.AgoraApplication;
import agora.test.Api;

/** Two application nodes on one database: a logout on one node holds on the other. */
class MultiNodeRevocationTest {

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    final HttpClient http = HttpClient.newHttpClient();

    static ConfigurableApplicationContext startNode() {
        return new SpringApplicationBuilder(AgoraApplication.class).profiles("test")
                .run("--server.port=0", "--agora.auth.session-cache-ttl=300ms");
    }

    @BeforeAll
    static void startNodes() {
        nodeA = startNode();
        nodeB = startNode();
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    static String url(ConfigurableApplicationContext node, String path) {
        return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort() + path;
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> currentUser(ConfigurableApplicationContext node, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(node, "/api/user")))
                .header("Authorization", "Token " + token).build());
    }

    @Test
    void aLogoutOnOneNodeHoldsOnTheOtherWithinTheCacheTime() throws Exception {
        var name = Api.uniqueName("nodes");
        var registered = send(HttpRequest.newBuilder(URI.create(url(nodeA, "/api/users")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.userJson(name, name + "@example.com", Api.PASSWORD)))
                .build());
        assertThat(registered.statusCode()).isEqualTo(201);
        String token = JsonPath.read(registered.body(), "$.user.token");

        assertThat(currentUser(nodeB, token).statusCode()).isEqualTo(200);

        var logout = send(HttpRequest.newBuilder(URI.create(url(nodeA, "/api/users/logout")))
                .header("Authorization", "Token " + token).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(currentUser(nodeA, token).statusCode()).isEqualTo(401);

        Thread.sleep(Duration.ofMillis(400));
        assertThat(currentUser(nodeB, token).statusCode()).isEqualTo(401);
    }
}
