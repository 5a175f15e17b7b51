package agora.accounts;

import static agora.test.Api.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;
import agora.test.MutableClock;
import agora.test.SoftwareAuthenticator;

/** Accounts signed up with a passkey and no password, through HTTP, a software authenticator playing the browser. */
@AgoraTest
class PasswordlessAccountsTest {

    static final String RP_ID = PasskeysTest.RP_ID;
    static final String ORIGIN = PasskeysTest.ORIGIN;

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    /** A passkey-only account and the authenticator holding its passkey. */
    record Passwordless(Api.SignedUp user, SoftwareAuthenticator passkey) {
    }

    ResultActions send(MockHttpServletRequestBuilder request, Api.SignedUp user, String json) throws Exception {
        if (user != null) {
            request.header("Authorization", user.authorization());
        }
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static String account(String username, String email) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + email + "\"}";
    }

    ResultActions options(String username, String email) throws Exception {
        return send(post("/api/users/passkeys/sign-up/options"), null, "{\"user\":" + account(username, email) + "}");
    }

    String challenge(String username, String email) throws Exception {
        return JsonPath.read(options(username, email).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(), "$.challenge");
    }

    ResultActions finish(String username, String email, String credential) throws Exception {
        return send(post("/api/users/passkeys/sign-up"), null,
                "{\"user\":" + account(username, email) + ",\"credential\":" + credential + "}");
    }

    Passwordless signUp(String prefix) throws Exception {
        var username = Api.uniqueName(prefix);
        var email = username + "@example.com";
        var options = options(username, email).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        var passkey = new SoftwareAuthenticator();
        var credential = passkey.register(JsonPath.read(options, "$.challenge"), RP_ID, ORIGIN,
                JsonPath.read(options, "$.user.id"));
        var body = finish(username, email, credential).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return new Passwordless(new Api.SignedUp(username, email, JsonPath.read(body, "$.user.token")), passkey);
    }

    ResultActions passwordLogin(String email, String password) throws Exception {
        return send(post("/api/users/login"), null, Api.loginJson(email, password));
    }

    String signInWithPasskey(SoftwareAuthenticator passkey) throws Exception {
        var options = send(post("/api/users/passkeys/login/options"), null, "{}").andReturn().getResponse()
                .getContentAsString();
        var body = send(post("/api/users/passkeys/login"), null, "{\"credential\":"
                + passkey.assertion(JsonPath.read(options, "$.challenge"), RP_ID, ORIGIN) + "}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.user.token");
    }

    @Test
    void signsUpWithAPasskeyAndNoPassword() throws Exception {
        var username = Api.uniqueName("pwless");
        var email = username + "@example.com";
        var options = options(username, email).andExpect(status().isOk())
                .andExpect(jsonPath("$.user.name").value(email))
                .andExpect(jsonPath("$.user.displayName").value(username))
                .andExpect(jsonPath("$.authenticatorSelection.residentKey").value("required"))
                .andExpect(jsonPath("$.authenticatorSelection.userVerification").value("required"))
                .andExpect(jsonPath("$.excludeCredentials.length()").value(0))
                .andReturn().getResponse().getContentAsString();
        var passkey = new SoftwareAuthenticator();
        var credential = passkey.register(JsonPath.read(options, "$.challenge"), RP_ID, ORIGIN,
                JsonPath.read(options, "$.user.id"));

        var body = finish(username, email, credential).andExpect(status().isCreated())
                .andExpect(jsonPath("$.user.username").value(username))
                .andExpect(jsonPath("$.user.email").value(email))
                .andExpect(jsonPath("$.user.emailVerified").value(false))
                .andExpect(jsonPath("$.user.hasPassword").value(false))
                .andReturn().getResponse().getContentAsString();
        var user = new Api.SignedUp(username, email, JsonPath.read(body, "$.user.token"));
        send(get("/api/user"), user, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.user.hasPassword").value(false));
        send(get("/api/users/passkeys"), user, "").andExpect(jsonPath("$.passkeys.length()").value(1))
                .andExpect(jsonPath("$.passkeys[0].id").value(passkey.credentialId()));
        Mailbox.await(mvc, email, "verify-email");

        // No password signs in: the same answer as a wrong password to an account that has one.
        var noPassword = passwordLogin(email, PASSWORD).andExpect(status().isUnauthorized()).andReturn().getResponse();
        var other = Api.signUp(mvc, "pwless-other");
        var wrongPassword = passwordLogin(other.email(), "not-" + PASSWORD).andExpect(status().isUnauthorized())
                .andReturn().getResponse();
        assertThat(noPassword.getContentAsString()).isEqualTo(wrongPassword.getContentAsString());

        // The passkey signs in, and its user handle names this account.
        var token = signInWithPasskey(passkey);
        mvc.perform(get("/api/user").header("Authorization", "Token " + token))
                .andExpect(jsonPath("$.user.username").value(username));
    }

    @Test
    void refusesTakenOrInvalidNamesAtTheStartAndAtTheFinish() throws Exception {
        var existing = Api.signUp(mvc, "pwless-taken");
        options(existing.username(), "fresh-" + existing.email()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.username[0]").value("has already been taken"));
        options("fresh-" + existing.username(), existing.email().toUpperCase())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.email[0]").value("has already been taken"));
        options("no spaces allowed", "not-an-email").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.username[0]").exists())
                .andExpect(jsonPath("$.errors.email[0]").exists());
        send(post("/api/users/passkeys/sign-up/options"), null, "{}").andExpect(status().isUnprocessableContent());

        // Free at the start, taken (by a password sign-up) before the finish.
        var username = Api.uniqueName("pwless-race");
        var email = username + "@example.com";
        var passkey = new SoftwareAuthenticator();
        var credential = passkey.register(challenge(username, email), RP_ID, ORIGIN, "aGFuZGxl");
        send(post("/api/users"), null, Api.userJson(username, "other-" + email, PASSWORD))
                .andExpect(status().isCreated());
        finish(username, email, credential).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.username[0]").value("has already been taken"));
        passwordLogin(email, PASSWORD).andExpect(status().isUnauthorized());
    }

    @Test
    void aChallengeServesOnceAndOnlyTheNamesItWasIssuedFor() throws Exception {
        var username = Api.uniqueName("pwless-bound");
        var email = username + "@example.com";
        var challenge = challenge(username, email);
        var passkey = new SoftwareAuthenticator();
        var credential = passkey.register(challenge, RP_ID, ORIGIN, "aGFuZGxl");

        // Swapped between the options and the finish: another username, another email.
        finish("other-" + username, email, credential).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.credential[0]").value(
                        "answers no live challenge for this username and email: start again"));
        finish(username, "other-" + email, credential).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.credential[0]").exists());

        var body = finish(username, email, credential).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        // Replayed once the names are free again (the account deleted): the challenge is used up.
        send(delete("/api/user"), new Api.SignedUp(username, email, JsonPath.read(body, "$.user.token")), "{}")
                .andExpect(status().isNoContent());
        finish(username, email, credential).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.credential[0]").value(
                        "answers no live challenge for this username and email: start again"));

        // A sign-in challenge does not finish a sign-up, nor does an expired one.
        var signInOptions = send(post("/api/users/passkeys/login/options"), null, "{}").andReturn().getResponse()
                .getContentAsString();
        var late = Api.uniqueName("pwless-late");
        finish(late, late + "@example.com", new SoftwareAuthenticator().register(
                JsonPath.read(signInOptions, "$.challenge"), RP_ID, ORIGIN, "aGFuZGxl"))
                .andExpect(status().isUnprocessableContent());
        var lateChallenge = challenge(late, late + "@example.com");
        clock.advance(Duration.ofMinutes(4));
        finish(late, late + "@example.com", new SoftwareAuthenticator().register(lateChallenge, RP_ID, ORIGIN,
                "aGFuZGxl")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void theLastPasskeyStaysUntilThereIsAPasswordOrAnother() throws Exception {
        var account = signUp("pwless-last");
        var user = account.user();
        var only = account.passkey().credentialId();
        send(delete("/api/users/passkeys/" + only), user, "").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.passkey[0]").value(
                        "is the only way into this account: set a password first"));

        // With a second passkey, one may go; then the other is the last again.
        var options = send(post("/api/users/passkeys/registration/options"), user, "{}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var second = new SoftwareAuthenticator();
        send(post("/api/users/passkeys"), user, "{\"credential\":" + second.register(
                JsonPath.read(options, "$.challenge"), RP_ID, ORIGIN, JsonPath.read(options, "$.user.id")) + "}")
                .andExpect(status().isCreated());
        send(delete("/api/users/passkeys/" + only), user, "").andExpect(status().isNoContent());
        send(delete("/api/users/passkeys/" + second.credentialId()), user, "")
                .andExpect(status().isUnprocessableContent());

        // A recent session sets a first password (there is no current one to give); then the last passkey may go.
        send(put("/api/user"), user, "{\"user\":{\"password\":\"" + PASSWORD + "\"}}").andExpect(status().isOk())
                .andExpect(jsonPath("$.user.hasPassword").value(true));
        send(delete("/api/users/passkeys/" + second.credentialId()), user, "").andExpect(status().isNoContent());
        Api.login(mvc, user.email(), PASSWORD);
    }

    @Test
    void settingAPasswordLaterNeedsARecentSessionOrAPasskeyReconfirmation() throws Exception {
        var account = signUp("pwless-setpw");
        var user = account.user();
        clock.advance(Duration.ofMinutes(10));
        var setPassword = "{\"user\":{\"password\":\"" + PASSWORD + "\"}}";
        send(put("/api/user"), user, setPassword).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors.reauthentication[0]").value("is required"));
        send(put("/api/user"), user, "{\"user\":{\"password\":\"" + PASSWORD + "\",\"currentPassword\":\"guess\"}}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.currentPassword[0]").value("is invalid"));
        send(post("/api/user/reauthenticate"), user, "{\"password\":\"guess\"}")
                .andExpect(status().isUnprocessableContent());

        reconfirmWithPasskey(account);
        send(put("/api/user"), user, setPassword).andExpect(status().isOk());
        Api.login(mvc, user.email(), PASSWORD);
    }

    @Test
    void deletingAPasswordlessAccountNeedsARecentSession() throws Exception {
        var account = signUp("pwless-del");
        var user = account.user();
        clock.advance(Duration.ofMinutes(10));
        send(delete("/api/user"), user, "{}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors.reauthentication[0]").value("is required"));

        reconfirmWithPasskey(account);
        send(delete("/api/user"), user, "{}").andExpect(status().isNoContent());
        send(get("/api/user"), user, "").andExpect(status().isUnauthorized());
        var options = send(post("/api/users/passkeys/login/options"), null, "{}").andReturn().getResponse()
                .getContentAsString();
        send(post("/api/users/passkeys/login"), null, "{\"credential\":" + account.passkey().assertion(
                JsonPath.read(options, "$.challenge"), RP_ID, ORIGIN) + "}").andExpect(status().isUnauthorized());
    }

    @Test
    void aPasswordResetSetsAFirstPassword() throws Exception {
        var account = signUp("pwless-reset");
        var email = account.user().email();
        send(post("/api/users/password-reset"), null, "{\"email\":\"" + email + "\"}")
                .andExpect(status().isAccepted());
        var token = Mailbox.await(mvc, email, "password-reset").token();
        send(post("/api/users/password-reset/confirm"), null,
                "{\"token\":\"" + token + "\",\"password\":\"" + PASSWORD + "\"}").andExpect(status().isNoContent());

        var signedIn = new Api.SignedUp(account.user().username(), email, Api.login(mvc, email, PASSWORD));
        send(get("/api/user"), signedIn, "").andExpect(jsonPath("$.user.hasPassword").value(true));
        send(delete("/api/users/passkeys/" + account.passkey().credentialId()), signedIn, "")
                .andExpect(status().isNoContent());
    }

    private void reconfirmWithPasskey(Passwordless account) throws Exception {
        var options = send(post("/api/user/reauthenticate/passkey/options"), account.user(), "")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        send(post("/api/user/reauthenticate/passkey"), account.user(), "{\"credential\":" + account.passkey()
                .assertion(JsonPath.read(options, "$.challenge"), RP_ID, ORIGIN) + "}")
                .andExpect(status().isNoContent());
    }
}
