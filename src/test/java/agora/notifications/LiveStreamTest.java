package agora.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.jayway.jsonpath.JsonPath;

import agora.test.Api;

/**
 * The live stream through a real port, read by a real HTTP client as events arrive: other users act through the
 * API, and the notifications they cause come down the stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agora.notifications.stream.heartbeat=300ms")
@ActiveProfiles("test")
class LiveStreamTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    User commenter;

    /** A user with a post of their own, for others to like and comment on. */
    record User(String username, String token, String slug) {
        String authorization() {
            return "Token " + token;
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    HttpResponse<String> call(String method, String path, String authorization, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    User signUp(String prefix) throws Exception {
        var name = Api.uniqueName(prefix);
        var response = call("POST", "/api/users", null, Api.userJson(name, name + "@example.com", Api.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(201);
        String token = JsonPath.read(response.body(), "$.user.token");
        var post = call("POST", "/api/articles", "Token " + token,
                "{\"article\":{\"title\":\"Post of " + name + "\",\"description\":\"d\",\"body\":\"b\",\"tagList\":[]}}");
        assertThat(post.statusCode()).isEqualTo(201);
        return new User(name, token, JsonPath.read(post.body(), "$.article.slug"));
    }

    @BeforeEach
    void signUpCommenter() throws Exception {
        commenter = signUp("commenter");
    }

    SseClient stream(User user, String lastEventId) throws Exception {
        var client = SseClient.open(url("/api/notifications/stream"), user.authorization(), lastEventId);
        assertThat(client.response.statusCode()).isEqualTo(200);
        return client;
    }

    /** Something happens to the user: another user comments on their post (a new notification each time). */
    void notify(User user) throws Exception {
        assertThat(call("POST", "/api/articles/" + user.slug() + "/comments", commenter.authorization(),
                "{\"comment\":{\"body\":\"Nice\"}}").statusCode()).isEqualTo(200);
    }

    void like(User reader, User author) throws Exception {
        assertThat(call("POST", "/api/articles/" + author.slug() + "/favorite", reader.authorization(), null)
                .statusCode()).isEqualTo(200);
    }

    static long unreadCount(SseClient.Event event) {
        return ((Number) JsonPath.read(event.data(), "$.unreadCount")).longValue();
    }

    @Test
    void withoutATokenTheStreamIsA401() throws Exception {
        var response = call("GET", "/api/notifications/stream", null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(call("GET", "/api/notifications/stream", "Token not-a-token", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aBadLastEventIdIsA422() throws Exception {
        var response = call("GET", "/api/notifications/stream?lastEventId=abc", commenter.authorization(), null);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("lastEventId");
    }

    @Test
    void deliversNotificationsAndTheUnreadCountAsTheyHappen() throws Exception {
        var alice = signUp("alice");
        try (var stream = stream(alice, null)) {
            assertThat(stream.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(stream.response.headers().firstValue("X-Accel-Buffering")).contains("no");
            assertThat(stream.response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    value -> assertThat(value).contains("no-cache"));
            var hint = stream.next(e -> e.retry() != null, WAIT);
            assertThat(hint).isNotNull();
            assertThat(hint.retry()).isEqualTo(3000);
            assertThat(unreadCount(stream.next("unread-count", WAIT))).isZero();

            var bob = signUp("bob");
            like(bob, alice);
            var event = stream.next("notification", WAIT);
            assertThat(event).isNotNull();
            assertThat(event.id()).isNotBlank();
            assertThat((String) JsonPath.read(event.data(), "$.type")).isEqualTo("like");
            assertThat((String) JsonPath.read(event.data(), "$.actors[0].username")).isEqualTo(bob.username());
            assertThat((Integer) JsonPath.read(event.data(), "$.actorCount")).isEqualTo(1);
            assertThat((String) JsonPath.read(event.data(), "$.subject.kind")).isEqualTo("post");
            assertThat((String) JsonPath.read(event.data(), "$.subject.id")).isEqualTo(alice.slug());
            assertThat((String) JsonPath.read(event.data(), "$.subject.title")).isEqualTo("Post of " + alice.username());
            assertThat((String) JsonPath.read(event.data(), "$.text")).contains(bob.username());
            assertThat((Boolean) JsonPath.read(event.data(), "$.read")).isFalse();
            assertThat(unreadCount(stream.next("unread-count", WAIT))).isEqualTo(1);
            // The same item as the REST API lists.
            var listed = call("GET", "/api/notifications", alice.authorization(), null);
            assertThat(JsonPath.<Object>read(listed.body(), "$.notifications[0]"))
                    .isEqualTo(JsonPath.read(event.data(), "$"));

            // A second like of the post updates that notification in place, at a new position.
            var carol = signUp("carol");
            like(carol, alice);
            var updated = stream.next("notification", WAIT);
            assertThat(updated).isNotNull();
            assertThat(Long.parseLong(updated.id())).isGreaterThan(Long.parseLong(event.id()));
            assertThat((Integer) JsonPath.read(updated.data(), "$.id")).isEqualTo(JsonPath.read(event.data(), "$.id"));
            assertThat((Integer) JsonPath.read(updated.data(), "$.actorCount")).isEqualTo(2);

            assertThat(call("POST", "/api/notifications/read", alice.authorization(), "{}").statusCode())
                    .isEqualTo(200);
            assertThat(unreadCount(stream.next("unread-count", WAIT))).isZero();
        }
    }

    @Test
    void anUndoneLikeTakesItsNotificationOffTheLiveCount() throws Exception {
        var alice = signUp("alice");
        try (var stream = stream(alice, null)) {
            assertThat(unreadCount(stream.next("unread-count", WAIT))).isZero();
            var bob = signUp("bob");
            like(bob, alice);
            assertThat(unreadCount(stream.next("unread-count", WAIT))).isEqualTo(1);

            assertThat(call("DELETE", "/api/articles/" + alice.slug() + "/favorite", bob.authorization(), null)
                    .statusCode()).isEqualTo(200);
            assertThat(unreadCount(stream.next("unread-count", WAIT))).isZero();
        }
    }

    @Test
    void resumesAfterLastEventIdWithoutGapsOrDuplicates() throws Exception {
        var bob = signUp("bob");
        String lastSeen;
        try (var stream = stream(bob, null)) {
            notify(bob);
            lastSeen = stream.next("notification", WAIT).id();
        }
        for (var i = 0; i < 3; i++) {
            notify(bob);
        }
        awaitUnread(bob, 4);
        try (var resumed = stream(bob, lastSeen)) {
            var ids = new ArrayList<Long>();
            for (var i = 0; i < 3; i++) {
                var event = resumed.next("notification", WAIT);
                assertThat(event).isNotNull();
                ids.add(Long.parseLong(event.id()));
            }
            notify(bob);
            ids.add(Long.parseLong(resumed.next("notification", WAIT).id()));
            var first = Long.parseLong(lastSeen);
            assertThat(ids).containsExactly(first + 1, first + 2, first + 3, first + 4);
            assertThat(resumed.drain(Duration.ofMillis(500))).noneMatch(e -> e.name().equals("notification"));
        }
        // The query parameter does the same, for clients that cannot set the header.
        var viaParameter = SseClient.open(url("/api/notifications/stream?lastEventId=" + lastSeen), bob.authorization(),
                null);
        try (viaParameter) {
            assertThat(Long.parseLong(viaParameter.next("notification", WAIT).id())).isEqualTo(Long.parseLong(lastSeen) + 1);
        }
    }

    void awaitUnread(User user, long count) throws Exception {
        var deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var body = call("GET", "/api/notifications/unread-count", user.authorization(), null).body();
            if (((Number) JsonPath.read(body, "$.unreadCount")).longValue() == count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the unread count never reached " + count);
    }

    @Test
    void anIdleStreamSendsHeartbeats() throws Exception {
        var carol = signUp("carol");
        try (var stream = stream(carol, null)) {
            assertThat(stream.next(e -> e.isComment() && e.data().equals("heartbeat"), WAIT)).isNotNull();
            assertThat(stream.next(e -> e.isComment() && e.data().equals("heartbeat"), WAIT)).isNotNull();
        }
    }

    @Test
    void aStreamClosesWhenItsSessionIsRevoked() throws Exception {
        var dave = signUp("dave");
        try (var stream = stream(dave, null)) {
            assertThat(stream.next("unread-count", WAIT)).isNotNull();
            assertThat(call("POST", "/api/users/logout", dave.authorization(), null).statusCode()).isEqualTo(204);
            assertThat(stream.next("end", Duration.ofSeconds(2))).isEqualTo(SseClient.Event.END);
        }
        assertThat(call("GET", "/api/notifications/stream", dave.authorization(), null).statusCode()).isEqualTo(401);
    }

    @Test
    void aUsersOldestStreamClosesWhenTooManyAreOpen() throws Exception {
        var erin = signUp("erin");
        var streams = new ArrayList<SseClient>();
        try {
            for (var i = 0; i < 6; i++) {
                var stream = stream(erin, null);
                assertThat(stream.next("unread-count", WAIT)).isNotNull();
                streams.add(stream);
            }
            assertThat(streams.getFirst().next("end", Duration.ofSeconds(2))).isEqualTo(SseClient.Event.END);
            notify(erin);
            for (var stream : streams.subList(1, 6)) {
                assertThat(stream.next("notification", WAIT)).isNotNull();
            }
        } finally {
            streams.forEach(SseClient::close);
        }
    }
}
