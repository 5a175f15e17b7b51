package agora.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.zaxxer.hikari.HikariDataSource;

import agora.media.ImageApi;
import agora.test.AgoraTest;
import agora.test.Api;

/**
 * The pool retires connections (idle, or at their maximum lifetime), the one that ran the migrations too. Writes
 * checked against a list of values (an image's format, a report's state) must go on working after that: on H2
 * 2.4 those checks compared through the session that created them and failed once it was closed, with 503s for
 * every upload and report from then on. On H2 the test has a database of its own, so this context's pool holds
 * the connection that created the schema.
 */
@AgoraTest
@DirtiesContext
class RetiredConnectionsTest {

    @DynamicPropertySource
    static void ownH2Database(DynamicPropertyRegistry registry) {
        var postgres = System.getenv("AGORA_TEST_POSTGRES_URL");
        if (postgres == null || postgres.isBlank()) {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:retired-connections;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Test
    void checkedWritesWorkAfterThePoolHasReplacedEveryConnection() throws Exception {
        var uploader = Api.signUp(mvc, "uploader");
        var reporter = Api.signUp(mvc, "reporter");
        ImageApi.upload(mvc, uploader);

        // idle connections are closed at once, busy ones when returned; none is busy between requests
        ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();

        ImageApi.upload(mvc, uploader);
        mvc.perform(post("/api/reports").header("Authorization", reporter.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"report":{"kind":"user","subject":"%s","reason":"spam"}}""".formatted(uploader.username())))
                .andExpect(status().isCreated());
    }
}
