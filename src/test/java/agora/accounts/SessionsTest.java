package agora.accounts;

import static agora.test.Api.PASSWORD;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

@AgoraTest
class SessionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Test
    void acceptsTokenAndBearerSchemes() throws Exception {
        var user = Api.signUp(mvc, "schemes");
        mvc.perform(get("/api/user").header("Authorization", "Token " + user.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.user.username").value(user.username()))
                .andExpect(jsonPath("$.user.token").value(user.token()));
        mvc.perform(get("/api/user").header("Authorization", "Bearer " + user.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.user.username").value(user.username()));
    }

    @Test
    void refusesMissingMalformedAndForgedTokens() throws Exception {
        var user = Api.signUp(mvc, "forged");
        mvc.perform(get("/api/user")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/user").header("Authorization", "Basic dXNlcjpwYXNz")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/user").header("Authorization", "Token not-a-jwt")).andExpect(status().isUnauthorized());
        var parts = user.token().split("\\.");
        // Changes the signature's first character, whose six bits all count, to another one.
        var first = parts[2].charAt(0) == 'A' ? "B" : "A";
        var forged = parts[0] + "." + parts[1] + "." + first + parts[2].substring(1);
        mvc.perform(get("/api/user").header("Authorization", "Token " + forged))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        var unsigned = "eyJhbGciOiJub25lIn0." + parts[1] + ".";
        mvc.perform(get("/api/user").header("Authorization", "Token " + unsigned)).andExpect(status().isUnauthorized());
    }

    @Test
    void logoutRevokesOnlyThatSession() throws Exception {
        var user = Api.signUp(mvc, "logout");
        var second = Api.login(mvc, user.email(), PASSWORD);
        mvc.perform(post("/api/users/logout").header("Authorization", user.authorization()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/user").header("Authorization", user.authorization()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/user").header("Authorization", "Token " + second)).andExpect(status().isOk());
    }

    @Test
    void changingThePasswordRevokesEveryOtherSession() throws Exception {
        var user = Api.signUp(mvc, "pwchange");
        var other = Api.login(mvc, user.email(), PASSWORD);
        mvc.perform(get("/api/user").header("Authorization", "Token " + other)).andExpect(status().isOk());

        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":{\"password\":\"a-brand-new-secret\"}}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/user").header("Authorization", "Token " + other)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/user").header("Authorization", user.authorization())).andExpect(status().isOk());
        Api.login(mvc, user.email(), "a-brand-new-secret");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        var user = Api.signUp(mvc, "expiry");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        mvc.perform(get("/api/user").header("Authorization", user.authorization()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void updatesProfileFields() throws Exception {
        var user = Api.signUp(mvc, "update");
        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":{\"bio\":\"I like trains\",\"image\":\"https://img.example.com/me.png\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.bio").value("I like trains"))
                .andExpect(jsonPath("$.user.image").value("https://img.example.com/me.png"))
                .andExpect(jsonPath("$.user.username").value(user.username()));
        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":{\"image\":\"javascript:alert(1)\",\"email\":\"nope\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.image[0]").value("must be an http(s) URL"))
                .andExpect(jsonPath("$.errors.email[0]").value("is invalid"));
    }

    @Test
    void cannotTakeAnotherUsersNameOrEmail() throws Exception {
        var taken = Api.signUp(mvc, "taken");
        var user = Api.signUp(mvc, "taker");
        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":{\"username\":\"" + taken.username() + "\",\"email\":\"" + taken.email() + "\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.username[0]").value("has already been taken"))
                .andExpect(jsonPath("$.errors.email[0]").value("has already been taken"));
        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":{\"username\":\"" + user.username().toUpperCase() + "\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.username").value(user.username().toUpperCase()));
    }
}
