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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;
import agora.test.SoftwareAuthenticator;

/** Passkeys through HTTP, with a software authenticator playing the browser's part. */
@AgoraTest
class PasskeysTest {

    static final String RP_ID = "localhost";
    static final String ORIGIN = "http://localhost:8080";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountModeration moderation;

    @Autowired
    UserDirectory directory;

    ResultActions send(MockHttpServletRequestBuilder request, Api.SignedUp user, String json) throws Exception {
        if (user != null) {
            request.header("Authorization", user.authorization());
        }
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json));
    }

    String body(ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString();
    }

    /** Registers a passkey for the user, whose session must be recent. */
    SoftwareAuthenticator register(Api.SignedUp user, String name) throws Exception {
        var options = body(send(post("/api/users/passkeys/registration/options"), user, "{}")
                .andExpect(status().isOk()));
        var authenticator = new SoftwareAuthenticator();
        var credential = authenticator.register(JsonPath.read(options, "$.challenge"), RP_ID, ORIGIN,
                JsonPath.read(options, "$.user.id"));
        send(post("/api/users/passkeys"), user, "{\"credential\":" + credential + ",\"name\":\"" + name + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.passkey.id").value(authenticator.credentialId()))
                .andExpect(jsonPath("$.passkey.name").value(name));
        return authenticator;
    }

    String signInChallenge(String email) throws Exception {
        var json = email == null ? "{}" : "{\"email\":\"" + email + "\"}";
        return JsonPath.read(body(send(post("/api/users/passkeys/login/options"), null, json)
                .andExpect(status().isOk())), "$.challenge");
    }

    MockHttpServletResponse signIn(String credential) throws Exception {
        return send(post("/api/users/passkeys/login"), null, "{\"credential\":" + credential + "}").andReturn()
                .getResponse();
    }

    @Test
    void registersListsRenamesAndDeletesPasskeys() throws Exception {
        var user = Api.signUp(mvc, "pk");
        var options = body(send(post("/api/users/passkeys/registration/options"), user, "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rp.id").value(RP_ID))
                .andExpect(jsonPath("$.user.name").value(user.email()))
                .andExpect(jsonPath("$.authenticatorSelection.residentKey").value("required"))
                .andExpect(jsonPath("$.authenticatorSelection.userVerification").value("required"))
                .andExpect(jsonPath("$.attestation").value("none")));
        assertThat((String) JsonPath.read(options, "$.user.id")).doesNotContain(user.username());

        var laptop = register(user, "Laptop");
        register(user, "Phone");
        send(get("/api/users/passkeys"), user, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.passkeys.length()").value(2))
                .andExpect(jsonPath("$.passkeys[0].name").value("Laptop"))
                .andExpect(jsonPath("$.passkeys[0].transports[0]").value("internal"))
                .andExpect(jsonPath("$.passkeys[0].lastUsedAt").isEmpty());
        // Options exclude what the user has, so the browser does not register an authenticator twice.
        send(post("/api/users/passkeys/registration/options"), user, "{}")
                .andExpect(jsonPath("$.excludeCredentials.length()").value(2));

        send(put("/api/users/passkeys/" + laptop.credentialId()), user, "{\"name\":\"  Work laptop \"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.passkey.name").value("Work laptop"));
        send(put("/api/users/passkeys/" + laptop.credentialId()), user, "{\"name\":\" \"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.name[0]").exists());
        send(delete("/api/users/passkeys/" + laptop.credentialId()), user, "").andExpect(status().isNoContent());
        send(delete("/api/users/passkeys/" + laptop.credentialId()), user, "").andExpect(status().isNotFound());
        send(get("/api/users/passkeys"), user, "").andExpect(jsonPath("$.passkeys.length()").value(1))
                .andExpect(jsonPath("$.passkeys[0].name").value("Phone"));

        var log = body(send(get("/api/user/security-events"), user, ""));
        assertThat((List<String>) JsonPath.read(log, "$.securityEvents[*].kind"))
                .contains("passkey-added", "passkey-removed");
    }

    @Test
    void anotherUserCannotTouchMyPasskeys() throws Exception {
        var owner = Api.signUp(mvc, "pk-owner");
        var passkey = register(owner, "Mine");
        var other = Api.signUp(mvc, "pk-other");
        send(put("/api/users/passkeys/" + passkey.credentialId()), other, "{\"name\":\"x\"}")
                .andExpect(status().isNotFound());
        send(delete("/api/users/passkeys/" + passkey.credentialId()), other, "").andExpect(status().isNotFound());
        send(get("/api/users/passkeys"), null, "").andExpect(status().isUnauthorized());
    }

    @Test
    void signsInWithNoEmailTypedAsTwoFactors() throws Exception {
        var user = Api.signUp(mvc, "pk-in");
        var passkey = register(user, "Laptop");
        var options = body(send(post("/api/users/passkeys/login/options"), null, "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.rpId").value(RP_ID))
                .andExpect(jsonPath("$.allowCredentials.length()").value(0)));

        var response = signIn(passkey.assertion(JsonPath.read(options, "$.challenge"), RP_ID, ORIGIN));

        assertThat(response.getStatus()).isEqualTo(200);
        var token = (String) JsonPath.read(response.getContentAsString(), "$.user.token");
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.user.email")).isEqualTo(user.email());
        mvc.perform(get("/api/user").header("Authorization", "Token " + token)).andExpect(status().isOk());
        var log = body(send(get("/api/user/security-events"), user, ""));
        assertThat((String) JsonPath.read(log, "$.securityEvents[0].kind")).isEqualTo("signed-in");
        assertThat((Boolean) JsonPath.read(log, "$.securityEvents[0].twoFactor")).isTrue();
        assertThat((String) JsonPath.read(log, "$.securityEvents[0].detail")).isEqualTo("passkey");
        send(get("/api/users/passkeys"), user, "").andExpect(jsonPath("$.passkeys[0].lastUsedAt").isNotEmpty());
    }

    @Test
    void signsInAfterTheEmailWithoutTellingWhetherAnAccountExists() throws Exception {
        var user = Api.signUp(mvc, "pk-mail");
        var passkey = register(user, "Laptop");
        send(post("/api/users/passkeys/login/options"), null, "{\"email\":\"" + user.email() + "\"}")
                .andExpect(jsonPath("$.allowCredentials.length()").value(1))
                .andExpect(jsonPath("$.allowCredentials[0].id").value(passkey.credentialId()));
        var unknown = "{\"email\":\"nobody-" + user.username() + "@example.com\"}";
        var first = body(send(post("/api/users/passkeys/login/options"), null, unknown));
        var second = body(send(post("/api/users/passkeys/login/options"), null, unknown));
        assertThat((List<String>) JsonPath.read(first, "$.allowCredentials[*].id")).hasSize(1)
                .isEqualTo(JsonPath.read(second, "$.allowCredentials[*].id"));

        assertThat(signIn(passkey.assertion(signInChallenge(user.email()), RP_ID, ORIGIN)).getStatus()).isEqualTo(200);
    }

    @Test
    void aChallengeServesOnceAndBriefly() throws Exception {
        var user = Api.signUp(mvc, "pk-once");
        var passkey = register(user, "Laptop");
        var challenge = signInChallenge(null);
        assertThat(signIn(passkey.assertion(challenge, RP_ID, ORIGIN)).getStatus()).isEqualTo(200);

        var replayed = signIn(passkey.assertion(challenge, RP_ID, ORIGIN));
        assertThat(replayed.getStatus()).isEqualTo(401);
        assertThat((String) JsonPath.read(replayed.getContentAsString(), "$.errors.credential[0]"))
                .contains("no live challenge");

        var late = signInChallenge(null);
        clock.advance(Duration.ofMinutes(4));
        assertThat(signIn(passkey.assertion(late, RP_ID, ORIGIN)).getStatus()).isEqualTo(401);
    }

    @Test
    void oneAssertionSentTwiceAtOnceSignsInOnce() throws Exception {
        var user = Api.signUp(mvc, "pk-race");
        var passkey = register(user, "Laptop");
        for (int round = 0; round < 5; round++) {
            var assertion = passkey.assertion(signInChallenge(null), RP_ID, ORIGIN);
            var start = new CountDownLatch(1);
            try (var threads = Executors.newFixedThreadPool(2)) {
                var answers = List.of(threads.submit(() -> {
                    start.await();
                    return signIn(assertion).getStatus();
                }), threads.submit(() -> {
                    start.await();
                    return signIn(assertion).getStatus();
                }));
                start.countDown();
                assertThat(List.of(answers.get(0).get(), answers.get(1).get())).containsExactlyInAnyOrder(200, 401);
            }
        }
    }

    @Test
    void refusesAPhishingOriginAndAClonedAuthenticator() throws Exception {
        var user = Api.signUp(mvc, "pk-bad");
        var passkey = register(user, "Laptop");
        var phished = signIn(passkey.assertion(signInChallenge(null), RP_ID, "https://agora.phish.example"));
        assertThat(phished.getStatus()).isEqualTo(401);
        assertThat((String) JsonPath.read(phished.getContentAsString(), "$.errors.credential[0]")).contains("origin");

        var clone = passkey.cloned();
        assertThat(signIn(passkey.assertion(signInChallenge(null), RP_ID, ORIGIN)).getStatus()).isEqualTo(200);
        var cloned = signIn(clone.assertion(signInChallenge(null), RP_ID, ORIGIN));
        assertThat(cloned.getStatus()).isEqualTo(401);
        assertThat((String) JsonPath.read(cloned.getContentAsString(), "$.errors.credential[0]")).contains("counter");
        var log = body(send(get("/api/user/security-events"), user, ""));
        assertThat((String) JsonPath.read(log, "$.securityEvents[0].kind")).isEqualTo("sign-in-failed");
    }

    @Test
    void refusesMalformedAndUnknownCredentials() throws Exception {
        var user = Api.signUp(mvc, "pk-junk");
        send(post("/api/users/passkeys"), user, "{\"name\":\"x\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.credential[0]").exists());
        send(post("/api/users/passkeys"), user, "{\"credential\":{\"id\":\"abc\"}}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.credential[0]").value("is malformed"));
        assertThat(signIn("{\"id\":1}").getStatus()).isEqualTo(401);
        var stranger = new SoftwareAuthenticator();
        assertThat(signIn(stranger.assertion(signInChallenge(null), RP_ID, ORIGIN)).getStatus()).isEqualTo(401);
    }

    @Test
    void registeringAndDeletingNeedARecentSignInOrAPasskeyReconfirmation() throws Exception {
        var user = Api.signUp(mvc, "pk-reauth");
        var passkey = register(user, "Laptop");
        clock.advance(Duration.ofMinutes(10));

        send(post("/api/users/passkeys/registration/options"), user, "{}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors.reauthentication[0]").value("is required"));
        send(delete("/api/users/passkeys/" + passkey.credentialId()), user, "").andExpect(status().isForbidden());

        var options = body(send(post("/api/user/reauthenticate/passkey/options"), user, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allowCredentials.length()").value(1))
                .andExpect(jsonPath("$.allowCredentials[0].id").value(passkey.credentialId())));
        send(post("/api/user/reauthenticate/passkey"), user,
                "{\"credential\":" + passkey.assertion(JsonPath.read(options, "$.challenge"), RP_ID, ORIGIN) + "}")
                .andExpect(status().isNoContent());

        send(delete("/api/users/passkeys/" + passkey.credentialId()), user, "").andExpect(status().isNoContent());
        clock.advance(Duration.ofMinutes(10));
        send(post("/api/users/passkeys/registration/options"), user, "{\"currentPassword\":\"" + PASSWORD + "\"}")
                .andExpect(status().isOk());
    }

    @Test
    void anotherUsersPasskeyDoesNotReconfirmMySession() throws Exception {
        var owner = Api.signUp(mvc, "pk-r1");
        var mine = register(owner, "Mine");
        var other = Api.signUp(mvc, "pk-r2");
        var theirs = register(other, "Theirs");
        var options = body(send(post("/api/user/reauthenticate/passkey/options"), owner, ""));
        send(post("/api/user/reauthenticate/passkey"), owner,
                "{\"credential\":" + theirs.assertion(JsonPath.read(options, "$.challenge"), RP_ID, ORIGIN) + "}")
                .andExpect(status().isUnprocessableContent());
        // A sign-in challenge is not a re-confirmation challenge.
        send(post("/api/user/reauthenticate/passkey"), owner,
                "{\"credential\":" + mine.assertion(signInChallenge(null), RP_ID, ORIGIN) + "}")
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aSuspendedAccountCannotSignInWithAPasskey() throws Exception {
        var user = Api.signUp(mvc, "pk-susp");
        var passkey = register(user, "Laptop");
        moderation.suspend(directory.findByUsername(user.username()).orElseThrow().id(), null, "fraud");

        var refused = signIn(passkey.assertion(signInChallenge(null), RP_ID, ORIGIN));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat((List<String>) JsonPath.read(refused.getContentAsString(), "$.errors.account")).isNotEmpty();
    }

    @Test
    void deletingTheAccountDeletesItsPasskeys() throws Exception {
        var user = Api.signUp(mvc, "pk-gone");
        var passkey = register(user, "Laptop");
        send(delete("/api/user"), user, "{\"password\":\"" + PASSWORD + "\"}").andExpect(status().isNoContent());

        var refused = signIn(passkey.assertion(signInChallenge(null), RP_ID, ORIGIN));
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors.credential[0]"))
                .isEqualTo("is not registered here");
    }
}
