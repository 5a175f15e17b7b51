package agora.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.jayway.jsonpath.JsonPath;

import agora.AgoraApplication;
import agora.test.Api;

/**
 * Two nodes on one PostgreSQL database: a notification made through node A reaches a stream open on node B within
 * a second, and a logout through node A closes B's stream of that session.
 */
class ClusterStreamTest {

    static final Duration WITHIN = Duration.ofSeconds(1);

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startNodes() {
        Assumptions.assumeTrue(System.getenv("AGORA_TEST_POSTGRES_URL") != null, "needs PostgreSQL");
        nodeA = start();
        nodeB = start();
    }

    @AfterAll
    static void stopNodes() {
        if (nodeA != null) {
            nodeA.close();
            nodeB.close();
        }
    }

    static ConfigurableApplicationContext start() {
        var arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        return new SpringApplicationBuilder(AgoraApplication.class).profiles("test")
                .run(arguments.toArray(String[]::new));
    }

    static String url(ConfigurableApplicationContext node, String path) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path;
    }

    HttpResponse<String> call(ConfigurableApplicationContext node, String method, String path, String token,
            String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(node, path))).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String signUp(String prefix) throws Exception {
        var name = Api.uniqueName(prefix);
        var response = call(nodeA, "POST", "/api/users", null, Api.userJson(name, name + "@example.com", Api.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(201);
        return name;
    }

    String token(String name) throws Exception {
        var response = call(nodeA, "POST", "/api/users/login", null, Api.loginJson(name + "@example.com", Api.PASSWORD));
        return JsonPath.read(response.body(), "$.user.token");
    }

    /** Publishes a post through node A; answers its slug. */
    String publish(String token) throws Exception {
        var response = call(nodeA, "POST", "/api/articles", token,
                "{\"article\":{\"title\":\"Two nodes\",\"description\":\"d\",\"body\":\"b\",\"tagList\":[]}}");
        assertThat(response.statusCode()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.article.slug");
    }

    /** Another user likes the post, through node A. */
    void likeOnNodeA(String slug, String fan) throws Exception {
        assertThat(call(nodeA, "POST", "/api/articles/" + slug + "/favorite", fan, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aNotificationMadeOnNodeAReachesAStreamOnNodeBWithinASecond() throws Exception {
        var alice = signUp("alice");
        var token = token(alice);
        try (var stream = SseClient.open(url(nodeB, "/api/notifications/stream"), "Token " + token, null)) {
            assertThat(stream.next("unread-count", Duration.ofSeconds(5))).isNotNull();
            var slug = publish(token);
            var fan = token(signUp("fan"));
            var started = System.nanoTime();
            likeOnNodeA(slug, fan);
            var event = stream.next("notification", WITHIN);
            assertThat(event).as("the notification on node B within %s", WITHIN).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WITHIN);
            assertThat((String) JsonPath.read(event.data(), "$.subject.id")).isEqualTo(slug);
            assertThat(unreadCount(stream.next("unread-count", WITHIN))).isEqualTo(1);
        }
    }

    @Test
    void aLogoutOnNodeAClosesTheSessionsStreamOnNodeB() throws Exception {
        var bob = signUp("bob");
        var token = token(bob);
        var other = token(bob);
        try (var stream = SseClient.open(url(nodeB, "/api/notifications/stream"), "Token " + token, null);
                var otherSession = SseClient.open(url(nodeB, "/api/notifications/stream"), "Token " + other, null)) {
            assertThat(stream.next("unread-count", Duration.ofSeconds(5))).isNotNull();
            assertThat(otherSession.next("unread-count", Duration.ofSeconds(5))).isNotNull();
            assertThat(call(nodeA, "POST", "/api/users/logout", token, null).statusCode()).isEqualTo(204);
            assertThat(stream.next("end", WITHIN)).isEqualTo(SseClient.Event.END);
            // The other session's stream stays open and live.
            likeOnNodeA(publish(other), token(signUp("fan")));
            assertThat(otherSession.next("notification", WITHIN)).isNotNull();
        }
    }

    static long unreadCount(SseClient.Event event) {
        return ((Number) JsonPath.read(event.data(), "$.unreadCount")).longValue();
    }
}
