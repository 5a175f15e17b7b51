package agora.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.jayway.jsonpath.JsonPath;

import agora.notifications.internal.LiveStreams;
import agora.test.Api;

/** A node holds a bounded number of streams, and closes them all when it stops. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agora.notifications.stream.per-node=2")
@ActiveProfiles("test")
@DirtiesContext
class StreamBoundsTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    LiveStreams streams;

    final HttpClient http = HttpClient.newHttpClient();

    String token() throws Exception {
        var name = Api.uniqueName("bounds");
        var response = http.send(HttpRequest.newBuilder(URI.create(url("/api/users")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.userJson(name, name + "@example.com", Api.PASSWORD)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return "Token " + JsonPath.read(response.body(), "$.user.token");
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aFullNodeRefusesNewStreamsWith503AndClosesAllOnStop() throws Exception {
        try (var first = SseClient.open(url("/api/notifications/stream"), token(), null);
                var second = SseClient.open(url("/api/notifications/stream"), token(), null)) {
            assertThat(first.next("unread-count", WAIT)).isNotNull();
            assertThat(second.next("unread-count", WAIT)).isNotNull();

            var refused = http.send(HttpRequest.newBuilder(URI.create(url("/api/notifications/stream")))
                    .header("Authorization", token()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("3");
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");

            streams.stop();
            assertThat(first.next("end", WAIT)).isEqualTo(SseClient.Event.END);
            assertThat(second.next("end", WAIT)).isEqualTo(SseClient.Event.END);
        }
    }
}
