package agora.accounts;

import static agora.test.Api.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.accounts.internal.Totp;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;
import agora.test.MutableClock;

/** The security log: an entry for each kind of event, newest first, paged, and readable only by its owner. */
@AgoraTest
class SecurityLogTest {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountModeration moderation;

    @Autowired
    UserDirectory directory;

    long idOf(Api.SignedUp user) {
        return directory.findByUsername(user.username()).orElseThrow().id();
    }

    MockHttpServletResponse login(String email, String password, String client) throws Exception {
        return mvc.perform(post("/api/users/login").contentType(MediaType.APPLICATION_JSON)
                .content(Api.loginJson(email, password)).header("User-Agent", BROWSER).with(r -> {
                    r.setRemoteAddr(client);
                    return r;
                })).andReturn().getResponse();
    }

    MockHttpServletResponse page(String token, String query) throws Exception {
        return mvc.perform(get("/api/user/security-events" + query).header("Authorization", "Token " + token))
                .andReturn().getResponse();
    }

    /** The whole log, newest first, read page by page. */
    List<Map<String, Object>> log(String token) throws Exception {
        var all = new ArrayList<Map<String, Object>>();
        var query = "?limit=100";
        while (true) {
            var response = page(token, query);
            assertThat(response.getStatus()).isEqualTo(200);
            all.addAll(JsonPath.read(response.getContentAsString(), "$.securityEvents"));
            String next = JsonPath.read(response.getContentAsString(), "$.nextCursor");
            if (next == null) {
                return all;
            }
            query = "?limit=100&cursor=" + next;
        }
    }

    static List<Object> kinds(List<Map<String, Object>> log) {
        return log.stream().map(e -> e.get("kind")).toList();
    }

    @Test
    void signInsAndFailuresNameTheClientTheBrowserAndTheSecondFactor() throws Exception {
        var user = Api.signUp(mvc, "seclog");
        assertThat(login(user.email(), "not-the-password-at-all", "203.0.113.9").getStatus()).isEqualTo(401);
        var token = JsonPath.<String>read(login(user.email(), PASSWORD, "198.51.100.7").getContentAsString(),
                "$.user.token");

        var log = log(token);
        assertThat(kinds(log)).containsExactly("signed-in", "sign-in-failed");
        assertThat(log.get(0)).containsEntry("clientAddress", "198.51.100.7").containsEntry("userAgent", BROWSER)
                .containsEntry("twoFactor", false).containsKey("at");
        assertThat(log.get(1)).containsEntry("clientAddress", "203.0.113.9").containsEntry("detail", "wrong password");
    }

    @Test
    void credentialChangesLogoutAndRevokedSessionsAreLogged() throws Exception {
        var user = Api.signUp(mvc, "changes");
        var other = Api.login(mvc, user.email(), PASSWORD);
        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":{\"password\":\"another-long-passphrase-77\"}}"));
        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":{\"email\":\"new-" + user.email() + "\"}}"));
        assertThat(page(other, "").getStatus()).isEqualTo(401);

        var log = log(user.token());
        assertThat(kinds(log)).containsExactly("email-changed", "sessions-revoked", "password-changed", "signed-in");
        assertThat(log.get(1)).containsEntry("detail", "every other session");

        var third = Api.login(mvc, "new-" + user.email(), "another-long-passphrase-77");
        mvc.perform(post("/api/users/logout").header("Authorization", user.authorization()));
        assertThat(kinds(log(third))).startsWith("signed-out", "signed-in", "email-changed");
    }

    @Test
    void aPasswordResetIsLogged() throws Exception {
        var user = Api.signUp(mvc, "resetlog");
        mvc.perform(post("/api/users/password-reset").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + user.email() + "\"}"));
        var token = Mailbox.await(mvc, user.email(), "password-reset").token();
        mvc.perform(post("/api/users/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\",\"password\":\"reset-to-this-phrase-88\"}"));

        var fresh = Api.login(mvc, user.email(), "reset-to-this-phrase-88");
        assertThat(kinds(log(fresh))).containsExactly("signed-in", "sessions-revoked", "password-reset");
    }

    @Test
    void twoFactorChangesAndSignInsWithASecondFactorAreLogged() throws Exception {
        var user = Api.signUp(mvc, "tfalog");
        var enrolment = mvc.perform(post("/api/user/2fa").header("Authorization", user.authorization()))
                .andReturn().getResponse().getContentAsString();
        var secret = base32(JsonPath.read(enrolment, "$.secret"));
        mvc.perform(post("/api/user/2fa/confirm").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + nextCode(secret) + "\"}"));

        var challenge = JsonPath.<String>read(login(user.email(), PASSWORD, "192.0.2.1").getContentAsString(),
                "$.challenge");
        var wrong = "000000".equals(code(secret)) ? "111111" : "000000";
        secondStep(challenge, wrong);
        var signedIn = secondStep(challenge, nextCode(secret));
        String token = JsonPath.read(signedIn, "$.user.token");
        mvc.perform(delete("/api/user/2fa").header("Authorization", "Token " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + nextCode(secret) + "\"}"));

        var log = log(token);
        assertThat(kinds(log)).containsExactly("sessions-revoked", "two-factor-disabled", "signed-in",
                "sign-in-failed", "sessions-revoked", "two-factor-enabled");
        assertThat(log.get(2)).containsEntry("twoFactor", true).containsEntry("clientAddress", "192.0.2.1");
        assertThat(log.get(3)).containsEntry("twoFactor", true).containsEntry("detail", "wrong code");
    }

    @Test
    void whatModeratorsDoIsLoggedWithoutTheirAddress() throws Exception {
        var user = Api.signUp(mvc, "modlog");
        moderation.suspend(idOf(user), null, "spam");
        moderation.liftSuspension(idOf(user));
        moderation.changeRoles(idOf(user), Set.of(Role.MODERATOR));

        var log = log(Api.login(mvc, user.email(), PASSWORD));
        assertThat(kinds(log)).containsExactly("signed-in", "sessions-revoked", "roles-changed",
                "suspension-lifted", "sessions-revoked", "suspended");
        assertThat(log.get(2)).containsEntry("detail", "moderator");
        assertThat(log.get(5)).containsEntry("detail", "suspended permanently: spam")
                .containsEntry("clientAddress", null).containsEntry("userAgent", null);
    }

    @Test
    void pagesAreNewestFirstAndJoinUpWithoutGapsOrRepeats() throws Exception {
        var user = Api.signUp(mvc, "paging");
        for (int i = 0; i < 5; i++) {
            login(user.email(), "wrong-password-" + i, "10.9.0." + i);
            clock.advance(Duration.ofSeconds(1));
        }
        var first = page(user.token(), "?limit=2");
        assertThat(first.getStatus()).isEqualTo(200);
        List<String> addresses = new ArrayList<>(JsonPath.read(first.getContentAsString(),
                "$.securityEvents[*].clientAddress"));
        String cursor = JsonPath.read(first.getContentAsString(), "$.nextCursor");
        while (cursor != null) {
            var next = page(user.token(), "?limit=2&cursor=" + cursor).getContentAsString();
            addresses.addAll(JsonPath.read(next, "$.securityEvents[*].clientAddress"));
            cursor = JsonPath.read(next, "$.nextCursor");
        }
        assertThat(addresses).containsExactly("10.9.0.4", "10.9.0.3", "10.9.0.2", "10.9.0.1", "10.9.0.0");
    }

    @Test
    void nobodyElseSeesTheLog() throws Exception {
        var owner = Api.signUp(mvc, "owner");
        var stranger = Api.signUp(mvc, "stranger");
        login(owner.email(), "wrong-password-x", "10.8.0.1");

        assertThat(log(stranger.token())).isEmpty();
        assertThat(mvc.perform(get("/api/user/security-events")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
    }

    @Test
    void badPagingIsRefusedInTheOneErrorShape() throws Exception {
        var user = Api.signUp(mvc, "badpage");
        for (var query : List.of("?limit=0", "?limit=101", "?limit=many", "?cursor=nonsense",
                "?cursor=" + Base64.getUrlEncoder().encodeToString("n1:5".getBytes()))) {
            var response = page(user.token(), query);
            assertThat(response.getStatus()).as(query).isBetween(400, 422);
            assertThat(response.getContentType()).as(query).isEqualTo("application/problem+json");
        }
    }

    @Test
    void longUserAgentsAreCut() throws Exception {
        var user = Api.signUp(mvc, "longua");
        var token = JsonPath.<String>read(mvc.perform(post("/api/users/login").contentType(MediaType.APPLICATION_JSON)
                .content(Api.loginJson(user.email(), PASSWORD)).header("User-Agent", "x".repeat(5000)))
                .andReturn().getResponse().getContentAsString(), "$.user.token");
        String agent = JsonPath.read(page(token, "").getContentAsString(), "$.securityEvents[0].userAgent");
        assertThat(agent).hasSize(256);
    }

    // ---- two-factor helpers ----

    String code(byte[] secret) {
        return Totp.code(secret, Totp.stepAt(clock.instant()));
    }

    String nextCode(byte[] secret) {
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return code(secret);
    }

    String secondStep(String challenge, String code) throws Exception {
        return mvc.perform(post("/api/users/login/2fa").contentType(MediaType.APPLICATION_JSON)
                .content("{\"challenge\":\"" + challenge + "\",\"code\":\"" + code + "\"}").with(r -> {
                    r.setRemoteAddr("192.0.2.1");
                    return r;
                })).andReturn().getResponse().getContentAsString();
    }

    static byte[] base32(String encoded) {
        return TwoFactorTest.base32(encoded);
    }
}
