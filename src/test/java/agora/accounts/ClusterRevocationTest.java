package agora.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;

import agora.AgoraApplication;
import agora.accounts.internal.Totp;
import agora.test.Api;

/**
 * Two nodes on one PostgreSQL database with the default session cache TTL (10 s): whatever ends a session
 * through node A is refused on node B within a second, though B had just accepted (and cached) it. The cluster
 * broadcast carries it; when B's listening connection breaks, B forgets every cached session instead.
 */
class ClusterRevocationTest {

    static final Duration WITHIN = Duration.ofSeconds(1);
    static final String NEW_PASSWORD = "a-fresh-start-2026";
    static final Pattern RESET_LINK = Pattern.compile("token=([A-Za-z0-9_-]+)");

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static String listenerOfB;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startNodes() {
        Assumptions.assumeTrue(System.getenv("AGORA_TEST_POSTGRES_URL") != null, "needs PostgreSQL");
        var nameOfB = "node-b-" + UUID.randomUUID().toString().substring(0, 8);
        listenerOfB = nameOfB + " broadcast";
        nodeA = start();
        nodeB = start("--spring.application.name=" + nameOfB);
        assertThat(nodeB.getEnvironment().getProperty("agora.auth.session-cache-ttl")).isEqualTo("10s");
    }

    @AfterAll
    static void stopNodes() {
        if (nodeA != null) {
            nodeA.close();
            nodeB.close();
        }
    }

    static ConfigurableApplicationContext start(String... arguments) {
        var all = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(AgoraApplication.class).profiles("test").run(all.toArray(String[]::new));
    }

    // ---- HTTP ----------------------------------------------------------------------------------------

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

    /** 200 or 401 as the node trusts the token: the feed reads no account data that could refuse it instead. */
    int accepts(ConfigurableApplicationContext node, String token) throws Exception {
        return call(node, "GET", "/api/articles/feed?limit=1", token, null).statusCode();
    }

    record User(String username, String email, String token) {
    }

    User signUp(String prefix) throws Exception {
        var name = Api.uniqueName(prefix);
        var response = call(nodeA, "POST", "/api/users", null, Api.userJson(name, name + "@example.com", Api.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(201);
        return new User(name, name + "@example.com", JsonPath.read(response.body(), "$.user.token"));
    }

    String login(User user) throws Exception {
        var response = call(nodeA, "POST", "/api/users/login", null, Api.loginJson(user.email(), Api.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.user.token");
    }

    /** B accepts the token now (and so has it cached); after {@code action} through A, B refuses it within a second. */
    void refusedOnBSoonAfter(String token, ThrowingRunnable action) throws Exception {
        assertThat(accepts(nodeB, token)).isEqualTo(200);
        action.run();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> accepts(nodeB, token) == 401);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    // ---- revocations ---------------------------------------------------------------------------------

    @Test
    void logout() throws Exception {
        var user = signUp("logout");
        refusedOnBSoonAfter(user.token(), () ->
                assertThat(call(nodeA, "POST", "/api/users/logout", user.token(), null).statusCode()).isEqualTo(204));
    }

    @Test
    void passwordChangeEndsTheOtherSessions() throws Exception {
        var user = signUp("pwchange");
        var other = login(user);
        refusedOnBSoonAfter(other, () -> assertThat(call(nodeA, "PUT", "/api/user", user.token(),
                "{\"user\":{\"password\":\"" + NEW_PASSWORD + "\"}}").statusCode()).isEqualTo(200));
        assertThat(accepts(nodeB, user.token())).isEqualTo(200);
    }

    @Test
    void passwordReset() throws Exception {
        var user = signUp("reset");
        refusedOnBSoonAfter(user.token(), () -> {
            assertThat(call(nodeA, "POST", "/api/users/password-reset", null, "{\"email\":\"" + user.email() + "\"}")
                    .statusCode()).isEqualTo(202);
            var link = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> resetToken(user.email()), token -> token != null);
            assertThat(call(nodeA, "POST", "/api/users/password-reset/confirm", null,
                    "{\"token\":\"" + link + "\",\"password\":\"" + NEW_PASSWORD + "\"}").statusCode()).isEqualTo(204);
        });
    }

    String resetToken(String email) throws Exception {
        var body = call(nodeA, "GET", "/api/dev/mailbox?to=" + email, null, null).body();
        List<Map<String, Object>> messages = JsonPath.read(body, "$.messages[?(@.template == 'password-reset')]");
        if (messages.isEmpty()) {
            return null;
        }
        var text = (String) messages.getFirst().get("text");
        var matcher = RESET_LINK.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Test
    void accountDeletion() throws Exception {
        var user = signUp("deleted");
        refusedOnBSoonAfter(user.token(), () -> assertThat(call(nodeA, "DELETE", "/api/user", user.token(),
                "{\"password\":\"" + Api.PASSWORD + "\"}").statusCode()).isEqualTo(204));
    }

    @Test
    void turningTwoFactorLoginOnOrOffEndsTheOtherSessions() throws Exception {
        var user = signUp("twofactor");
        var other = login(user);
        var enrolment = call(nodeA, "POST", "/api/user/2fa", user.token(), null);
        var secret = TwoFactorTest.base32(JsonPath.read(enrolment.body(), "$.secret"));
        var recoveryCodes = new ArrayList<String>();
        refusedOnBSoonAfter(other, () -> {
            var confirmed = call(nodeA, "POST", "/api/user/2fa/confirm", user.token(),
                    "{\"code\":\"" + Totp.code(secret, Totp.stepAt(Instant.now())) + "\"}");
            assertThat(confirmed.statusCode()).isEqualTo(200);
            recoveryCodes.addAll(JsonPath.read(confirmed.body(), "$.recoveryCodes"));
        });
        assertThat(accepts(nodeB, user.token())).isEqualTo(200);

        var challenge = call(nodeA, "POST", "/api/users/login", null, Api.loginJson(user.email(), Api.PASSWORD));
        assertThat(challenge.statusCode()).isEqualTo(202);
        var secondStep = call(nodeA, "POST", "/api/users/login/2fa", null, "{\"challenge\":\""
                + JsonPath.read(challenge.body(), "$.challenge") + "\",\"code\":\"" + recoveryCodes.get(0) + "\"}");
        assertThat(secondStep.statusCode()).isEqualTo(200);
        String third = JsonPath.read(secondStep.body(), "$.user.token");
        refusedOnBSoonAfter(third, () -> assertThat(call(nodeA, "DELETE", "/api/user/2fa", user.token(),
                "{\"code\":\"" + recoveryCodes.get(1) + "\"}").statusCode()).isEqualTo(204));
        assertThat(accepts(nodeB, user.token())).isEqualTo(200);
    }

    @Test
    void endingOneSessionFromTheList() throws Exception {
        var user = signUp("listed");
        var other = login(user);
        List<String> ids = JsonPath.read(call(nodeA, "GET", "/api/user/sessions", user.token(), null).body(),
                "$.sessions[?(@.current == false)].id");
        refusedOnBSoonAfter(other, () -> assertThat(call(nodeA, "DELETE", "/api/user/sessions/" + ids.getFirst(),
                user.token(), null).statusCode()).isEqualTo(204));
        assertThat(accepts(nodeB, user.token())).isEqualTo(200);
    }

    @Test
    void endingEveryOtherSession() throws Exception {
        var user = signUp("others");
        var other = login(user);
        refusedOnBSoonAfter(other, () -> assertThat(call(nodeA, "POST", "/api/user/sessions/revoke-others",
                user.token(), null).statusCode()).isEqualTo(204));
        assertThat(accepts(nodeB, user.token())).isEqualTo(200);
    }

    // ---- a broken listening connection -----------------------------------------------------------------

    @Test
    void whenItsListenerReconnectsANodeForgetsCachedSessionsAndHearsAgain() throws Exception {
        var jdbc = nodeA.getBean(JdbcClient.class);
        var user = signUp("gap");
        assertThat(accepts(nodeB, user.token())).isEqualTo(200);
        // Revoked behind every node's back: no message. B trusts its cache...
        jdbc.sql("update sessions set revoked_at = current_timestamp "
                + "where user_id = (select id from users where username = ?)").param(user.username()).update();
        assertThat(accepts(nodeB, user.token())).isEqualTo(200);

        // ...until its listener loses its connection: messages may have been missed, so it forgets them all.
        var killed = jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")
                .param(listenerOfB).query(Boolean.class).list();
        assertThat(killed).containsExactly(true);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> accepts(nodeB, user.token()) == 401);

        var again = signUp("heard");
        refusedOnBSoonAfter(again.token(), () ->
                assertThat(call(nodeA, "POST", "/api/users/logout", again.token(), null).statusCode()).isEqualTo(204));
        assertThat(jdbc.sql("select count(*) from pg_stat_activity where application_name = ?").param(listenerOfB)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
