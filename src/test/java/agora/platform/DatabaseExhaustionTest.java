package agora.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import agora.test.Api;
import agora.test.LoadShedding;

/**
 * An exhausted connection pool sheds load: a request that needs the database waits at most the pool's connection
 * timeout and gets 503 with Retry-After, whether it fails in Spring MVC or in the security filters before it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=500" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DatabaseExhaustionTest {

    static final Duration BOUND = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Takes every connection of the pool; background work may hold one for a moment, so this retries. */
    List<Connection> holdEveryConnection(int size) throws InterruptedException {
        var held = new ArrayList<Connection>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (held.size() < size && System.nanoTime() < deadline) {
            try {
                held.add(dataSource.getConnection());
            } catch (SQLException busy) {
                Thread.sleep(50);
            }
        }
        assertThat(held).hasSize(size);
        return held;
    }

    static void release(List<Connection> held) throws SQLException {
        for (var connection : held) {
            connection.close();
        }
    }

    static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void requestsGet503WhileEveryConnectionIsTakenAndSucceedOnceOneIsFree() throws Exception {
        // Signed up but not yet used: its session is not cached, so authenticating it needs the database.
        var user = Api.signUp(mvc, "exhausted");
        var held = holdEveryConnection(2);
        try {
            long start = System.nanoTime();
            mvc.perform(MockMvcRequestBuilders.get("/api/articles"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", Matchers.matchesPattern("[1-9][0-9]*")))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:agora:problem:unavailable"))
                    .andExpect(jsonPath("$.errors.body").isArray());
            assertThat(since(start)).isLessThan(BOUND);

            start = System.nanoTime();
            LoadShedding.assertShed(get("/api/articles", null));
            assertThat(since(start)).isLessThan(BOUND);

            start = System.nanoTime();
            LoadShedding.assertShed(get("/api/user", user.authorization()));
            assertThat(since(start)).isLessThan(BOUND);
        } finally {
            release(held);
        }

        assertThat(get("/api/user", user.authorization()).statusCode()).isEqualTo(200);
        assertThat(get("/api/articles", null).statusCode()).isEqualTo(200);
    }
}
