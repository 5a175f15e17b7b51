package agora.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/** A user's own sessions through HTTP: listed with their client, ended one by one or all but this one. */
@AgoraTest
class SessionListTest {

    static final String PHONE = "AgoraPhone/3.1 (test)";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    String list(String token) throws Exception {
        return mvc.perform(get("/api/user/sessions").header("Authorization", "Token " + token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    int statusWith(String token) throws Exception {
        return mvc.perform(get("/api/user").header("Authorization", "Token " + token)).andReturn().getResponse()
                .getStatus();
    }

    @Test
    void listsTheUsersSessionsWithTheirClientAndMarksTheCurrentOne() throws Exception {
        var user = Api.signUp(mvc, "listed");
        var phone = Api.loginFrom(mvc, "198.51.100.7", PHONE, user.email());
        var other = Api.signUp(mvc, "stranger");

        var body = list(user.token());
        List<String> ids = JsonPath.read(body, "$.sessions[*].id");
        assertThat(ids).hasSize(2);
        assertThat((List<Boolean>) JsonPath.read(body, "$.sessions[?(@.current == true)].current")).hasSize(1);
        assertThat((List<String>) JsonPath.read(body, "$.sessions[?(@.current == false)].userAgent"))
                .containsExactly(PHONE);
        assertThat((List<String>) JsonPath.read(body, "$.sessions[?(@.current == false)].clientAddress"))
                .containsExactly("198.51.100.7");
        assertThat((List<String>) JsonPath.read(body, "$.sessions[*].createdAt")).allSatisfy(t -> Instant.parse(t));
        assertThat(list(phone)).contains("\"current\":true").contains(PHONE);
        assertThat(list(other.token())).doesNotContain(PHONE);
        mvc.perform(get("/api/user/sessions")).andExpect(status().isUnauthorized());
    }

    @Test
    void endsOneOfTheUsersOwnSessionsAndNoOneElses() throws Exception {
        var user = Api.signUp(mvc, "endone");
        var phone = Api.loginFrom(mvc, "198.51.100.8", PHONE, user.email());
        var stranger = Api.signUp(mvc, "intruder");
        List<String> others = JsonPath.read(list(user.token()), "$.sessions[?(@.current == false)].id");
        var phoneId = others.getFirst();
        String strangersId = JsonPath.read(list(stranger.token()), "$.sessions[0].id");

        mvc.perform(delete("/api/user/sessions/" + strangersId).header("Authorization", user.authorization()))
                .andExpect(status().isNotFound());
        assertThat(statusWith(stranger.token())).isEqualTo(200);
        mvc.perform(delete("/api/user/sessions/not-a-uuid").header("Authorization", user.authorization()))
                .andExpect(status().isNotFound());

        assertThat(statusWith(phone)).isEqualTo(200);
        mvc.perform(delete("/api/user/sessions/" + phoneId).header("Authorization", user.authorization()))
                .andExpect(status().isNoContent());
        assertThat(statusWith(phone)).isEqualTo(401);
        assertThat(statusWith(user.token())).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(list(user.token()), "$.sessions[*].id")).doesNotContain(phoneId);
        mvc.perform(delete("/api/user/sessions/" + phoneId).header("Authorization", user.authorization()))
                .andExpect(status().isNotFound());
    }

    @Test
    void endsEverySessionButThisOne() throws Exception {
        var user = Api.signUp(mvc, "others");
        var phone = Api.loginFrom(mvc, "198.51.100.9", PHONE, user.email());
        var laptop = Api.loginFrom(mvc, "198.51.100.10", "Laptop/1", user.email());
        var stranger = Api.signUp(mvc, "bystander");

        mvc.perform(post("/api/user/sessions/revoke-others").header("Authorization", user.authorization()))
                .andExpect(status().isNoContent());
        assertThat(statusWith(phone)).isEqualTo(401);
        assertThat(statusWith(laptop)).isEqualTo(401);
        assertThat(statusWith(user.token())).isEqualTo(200);
        assertThat(statusWith(stranger.token())).isEqualTo(200);
        mvc.perform(get("/api/user/sessions").header("Authorization", user.authorization()))
                .andExpect(jsonPath("$.sessions.length()").value(1))
                .andExpect(jsonPath("$.sessions[0].current").value(true));
    }

    /**
     * Every request uses the session; its "last used" moves only when a minute has passed since it was written.
     */
    @Test
    void writesTheLastUseAtMostOnceAMinute() throws Exception {
        var user = Api.signUp(mvc, "lastuse");
        String opened = JsonPath.read(list(user.token()), "$.sessions[0].createdAt");
        assertThat((String) JsonPath.read(list(user.token()), "$.sessions[0].lastUsedAt")).isEqualTo(opened);

        clock.advance(Duration.ofSeconds(61));
        // The API shows milliseconds; other tests may have moved the shared clock by less.
        var minuteLater = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        list(user.token());
        assertThat(lastUsed(user.token())).isEqualTo(minuteLater);

        clock.advance(Duration.ofSeconds(30));
        list(user.token()); // within the minute: not written
        clock.advance(Duration.ofSeconds(31));
        var nextMinute = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // Written now only if the request 30 s ago wrote nothing (the UPDATE skips a row written within the minute).
        assertThat(lastUsed(user.token())).isEqualTo(nextMinute);
    }

    Instant lastUsed(String token) throws Exception {
        return Instant.parse(JsonPath.read(list(token), "$.sessions[0].lastUsedAt"));
    }
}
