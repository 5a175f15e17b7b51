package agora.accounts;

import static agora.test.Api.PASSWORD;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/**
 * Sensitive changes need a recent sign-in, a re-confirmation, or the current password in the request: a token alone,
 * once its session is older than the window (5 minutes), cannot take the account.
 */
@AgoraTest
class ReauthenticationTest {

    static final String NEW_PASSWORD = "a-fresh-start-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    /** A user whose session was opened longer ago than the window. */
    Api.SignedUp oldSession(String prefix) throws Exception {
        var user = Api.signUp(mvc, prefix);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        return user;
    }

    ResultActions update(Api.SignedUp user, String json) throws Exception {
        return mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":" + json + "}"));
    }

    ResultActions reauthenticate(Api.SignedUp user, String password, String client) throws Exception {
        return mvc.perform(post("/api/user/reauthenticate").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + password + "\"}").with(r -> {
                    r.setRemoteAddr(client);
                    return r;
                }));
    }

    static String newEmail() {
        return Api.uniqueName("moved") + "@example.com";
    }

    @Test
    void anOldSessionCannotChangeTheEmailOrPassword() throws Exception {
        var user = oldSession("stale");
        update(user, "{\"email\":\"" + newEmail() + "\"}").andExpect(status().isForbidden())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.errors.reauthentication[0]").value("is required"));
        update(user, "{\"password\":\"" + NEW_PASSWORD + "\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors.reauthentication[0]").value("is required"));
        Api.login(mvc, user.email(), PASSWORD);
    }

    @Test
    void theCurrentPasswordInTheRequestIsEnough() throws Exception {
        var user = oldSession("inline");
        var email = newEmail();
        update(user, "{\"email\":\"" + email + "\",\"currentPassword\":\"wrong-password\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.currentPassword[0]").value("is invalid"));
        update(user, "{\"email\":\"" + email + "\",\"currentPassword\":\"" + PASSWORD + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.user.email").value(email));
    }

    @Test
    void aReconfirmedSessionMayChangeThemForTheWindow() throws Exception {
        var user = oldSession("reconfirmed");
        reauthenticate(user, PASSWORD, "192.0.2.70").andExpect(status().isNoContent());
        update(user, "{\"password\":\"" + NEW_PASSWORD + "\"}").andExpect(status().isOk());
        Api.login(mvc, user.email(), NEW_PASSWORD);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        update(user, "{\"email\":\"" + newEmail() + "\"}").andExpect(status().isForbidden());
    }

    @Test
    void aSettingsPageSendingTheUnchangedEmailAndUsernameStillWorks() throws Exception {
        var user = oldSession("settings");
        update(user, "{\"email\":\"" + user.email().toUpperCase() + "\",\"username\":\"" + user.username()
                + "\",\"password\":\"\",\"bio\":\"still me\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.user.bio").value("still me"));
    }

    @Test
    void anOldSessionCannotTurnTwoFactorLoginOnOrOff() throws Exception {
        var user = oldSession("stale-2fa");
        mvc.perform(post("/api/user/2fa").header("Authorization", user.authorization()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors.reauthentication[0]").value("is required"));
        mvc.perform(delete("/api/user/2fa").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"123456\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors.reauthentication[0]").value("is required"));
        mvc.perform(post("/api/user/2fa").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"currentPassword\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aWrongPasswordIsRefusedAndCountsAsAFailedLogin() throws Exception {
        var user = oldSession("guessing");
        for (int i = 0; i < 5; i++) {
            reauthenticate(user, "wrong-password", "192.0.2.80").andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors.password[0]").value("is invalid"));
        }
        reauthenticate(user, PASSWORD, "192.0.2.80").andExpect(status().isTooManyRequests());
        update(user, "{\"email\":\"" + newEmail() + "\"}").andExpect(status().isForbidden());
        reauthenticate(user, "", "192.0.2.81").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.password[0]").value("can't be blank"));
    }

    @Test
    void reauthenticatingNeedsASignedInUser() throws Exception {
        mvc.perform(post("/api/user/reauthenticate").contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"" + PASSWORD + "\"}")).andExpect(status().isUnauthorized());
    }
}
