package agora.accounts;

import static agora.test.Api.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import agora.accounts.internal.Totp;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;
import agora.test.MutableClock;

@AgoraTest
class TwoFactorTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    /** A user with two-factor login on: their TOTP secret and recovery codes. */
    record Enrolled(Api.SignedUp user, byte[] secret, List<String> recoveryCodes) {
    }

    String code(byte[] secret) {
        return Totp.code(secret, Totp.stepAt(clock.instant()));
    }

    /** The next code the server accepts: codes are single-use, so a fresh time step. */
    String nextCode(byte[] secret) {
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return code(secret);
    }

    ResultActions startEnrolment(Api.SignedUp user) throws Exception {
        return mvc.perform(post("/api/user/2fa").header("Authorization", user.authorization()));
    }

    ResultActions confirm(Api.SignedUp user, String code) throws Exception {
        return mvc.perform(post("/api/user/2fa/confirm").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}"));
    }

    ResultActions disable(Api.SignedUp user, String code) throws Exception {
        return mvc.perform(delete("/api/user/2fa").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + code + "\"}"));
    }

    MockHttpServletResponse password(String email, String password, String client) throws Exception {
        return mvc.perform(post("/api/users/login").contentType(MediaType.APPLICATION_JSON)
                .content(Api.loginJson(email, password)).with(r -> {
                    r.setRemoteAddr(client);
                    return r;
                })).andReturn().getResponse();
    }

    MockHttpServletResponse secondStep(String challenge, String code, String client) throws Exception {
        return mvc.perform(post("/api/users/login/2fa").contentType(MediaType.APPLICATION_JSON)
                .content("{\"challenge\":\"" + challenge + "\",\"code\":\"" + code + "\"}").with(r -> {
                    r.setRemoteAddr(client);
                    return r;
                })).andReturn().getResponse();
    }

    String challenge(Api.SignedUp user, String client) throws Exception {
        var response = password(user.email(), PASSWORD, client);
        assertThat(response.getStatus()).isEqualTo(202);
        return JsonPath.read(response.getContentAsString(), "$.challenge");
    }

    Enrolled enrol(String prefix) throws Exception {
        var user = Api.signUp(mvc, prefix);
        var body = startEnrolment(user).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var secret = base32(JsonPath.read(body, "$.secret"));
        var codes = confirm(user, code(secret)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        return new Enrolled(user, secret, JsonPath.read(codes, "$.recoveryCodes"));
    }

    @Test
    void enrolmentHandsOutASecretAndTurnsOnWithTheFirstCode() throws Exception {
        var user = Api.signUp(mvc, "enrol");
        var body = startEnrolment(user).andExpect(status().isOk())
                .andExpect(jsonPath("$.uri").value(org.hamcrest.Matchers.startsWith("otpauth://totp/Agora:" + user.username() + "?secret=")))
                .andExpect(jsonPath("$.uri").value(org.hamcrest.Matchers.containsString("&issuer=Agora&algorithm=SHA1&digits=6&period=30")))
                .andReturn().getResponse().getContentAsString();
        String encoded = JsonPath.read(body, "$.secret");
        var secret = base32(encoded);
        assertThat(secret).hasSize(20);

        // Until confirmed, login works with the password alone.
        assertThat(password(user.email(), PASSWORD, "192.0.2.1").getStatus()).isEqualTo(200);

        confirm(user, "000000".equals(code(secret)) ? "111111" : "000000").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.code[0]").value("is invalid"));
        confirm(user, code(secret)).andExpect(status().isOk())
                .andExpect(jsonPath("$.recoveryCodes.length()").value(10))
                .andExpect(jsonPath("$.recoveryCodes[0]").value(org.hamcrest.Matchers.matchesPattern("[a-z2-7]{4}(-[a-z2-7]{4}){3}")));
        startEnrolment(user).andExpect(status().isConflict());

        var notice = Mailbox.await(mvc, user.email(), "two-factor-enabled");
        assertThat(notice.subject()).isEqualTo("Two-factor login is now on for your Agora account");

        // At rest, the secret is encrypted and recovery codes are hashes.
        var stored = jdbc.sql("select t.secret_encrypted from two_factor t join users u on u.id = t.user_id where u.username = ?")
                .param(user.username()).query(String.class).single();
        assertThat(stored).doesNotContain(encoded).startsWith("v1.");
    }

    @Test
    void loginWithTwoFactorTakesAChallengeAndACode() throws Exception {
        var enrolled = enrol("login2fa");
        var response = password(enrolled.user().email(), PASSWORD, "192.0.2.2");
        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getContentAsString()).doesNotContain("token");
        String challenge = JsonPath.read(response.getContentAsString(), "$.challenge");

        var done = secondStep(challenge, nextCode(enrolled.secret()), "192.0.2.2");
        assertThat(done.getStatus()).isEqualTo(200);
        assertThat((String) JsonPath.read(done.getContentAsString(), "$.user.token")).isNotBlank();
        // A challenge completes one login only.
        assertThat(secondStep(challenge, nextCode(enrolled.secret()), "192.0.2.2").getStatus()).isEqualTo(401);
        // A wrong password still gets the plain 401, no challenge.
        assertThat(password(enrolled.user().email(), "wrong-password", "192.0.2.2").getStatus()).isEqualTo(401);
    }

    @Test
    void aBreachedPasswordIsStillFlaggedAfterTheSecondStep() throws Exception {
        var enrolled = enrol("breached2fa");
        var breached = org.springframework.security.crypto.argon2.Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()
                .encode("iloveyou1");
        jdbc.sql("update users set password_hash = ? where username = ?").params(breached, enrolled.user().username())
                .update();
        var response = password(enrolled.user().email(), "iloveyou1", "192.0.2.3");
        assertThat(response.getStatus()).isEqualTo(202);
        String challenge = JsonPath.read(response.getContentAsString(), "$.challenge");
        var done = secondStep(challenge, nextCode(enrolled.secret()), "192.0.2.3");
        assertThat(done.getStatus()).isEqualTo(200);
        assertThat((Boolean) JsonPath.read(done.getContentAsString(), "$.user.passwordBreached")).isTrue();

        var other = enrol("normal2fa");
        var normal = secondStep(challenge(other.user(), "192.0.2.3"), nextCode(other.secret()), "192.0.2.3");
        assertThat(normal.getStatus()).isEqualTo(200);
        assertThat(normal.getContentAsString()).doesNotContain("passwordBreached");
    }

    @Test
    void aCodeIsNeverAcceptedTwice() throws Exception {
        var enrolled = enrol("replay");
        var code = nextCode(enrolled.secret());
        assertThat(secondStep(challenge(enrolled.user(), "192.0.2.3"), code, "192.0.2.3").getStatus()).isEqualTo(200);
        var replay = secondStep(challenge(enrolled.user(), "192.0.2.3"), code, "192.0.2.3");
        assertThat(replay.getStatus()).isEqualTo(401);
        assertThat(replay.getContentAsString()).contains("\"code\":[\"is invalid\"]");
        // Nor is the code of an earlier step, though it is within the tolerance window.
        var earlier = Totp.code(enrolled.secret(), Totp.stepAt(clock.instant()) - 1);
        assertThat(secondStep(challenge(enrolled.user(), "192.0.2.3"), earlier, "192.0.2.3").getStatus()).isEqualTo(401);
    }

    @Test
    void toleratesOneStepOfClockDrift() throws Exception {
        var enrolled = enrol("drift");
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS * 3));
        var behind = Totp.code(enrolled.secret(), Totp.stepAt(clock.instant()) - 1);
        assertThat(secondStep(challenge(enrolled.user(), "192.0.2.4"), behind, "192.0.2.4").getStatus()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS * 3));
        var tooOld = Totp.code(enrolled.secret(), Totp.stepAt(clock.instant()) - 2);
        assertThat(secondStep(challenge(enrolled.user(), "192.0.2.4"), tooOld, "192.0.2.4").getStatus()).isEqualTo(401);
    }

    @Test
    void recoveryCodesWorkOnceEach() throws Exception {
        var enrolled = enrol("recovery");
        var recovery = enrolled.recoveryCodes().get(3);
        assertThat(secondStep(challenge(enrolled.user(), "192.0.2.5"), recovery.toUpperCase(), "192.0.2.5").getStatus())
                .isEqualTo(200);
        assertThat(secondStep(challenge(enrolled.user(), "192.0.2.5"), recovery, "192.0.2.5").getStatus())
                .isEqualTo(401);
        assertThat(secondStep(challenge(enrolled.user(), "192.0.2.5"), enrolled.recoveryCodes().get(4).replace("-", ""),
                "192.0.2.5").getStatus()).isEqualTo(200);
    }

    @Test
    void wrongCodesCountTowardTheBruteForceProtection() throws Exception {
        var enrolled = enrol("guess");
        var client = "198.51.100.50";
        var first = challenge(enrolled.user(), client);
        var second = challenge(enrolled.user(), client);
        for (int i = 0; i < 4; i++) {
            assertThat(secondStep(first, wrong(enrolled.secret()), client).getStatus()).isEqualTo(401);
        }
        assertThat(secondStep(second, wrong(enrolled.secret()), client).getStatus()).isEqualTo(401);
        // Five failures on the account: even the right code now waits, as does the password.
        var rightCode = Totp.code(enrolled.secret(), Totp.stepAt(clock.instant()) + 1);
        var held = secondStep(first, rightCode, "198.51.100.51");
        assertThat(held.getStatus()).isEqualTo(429);
        assertThat(held.getHeader("Retry-After")).isNotNull();
        assertThat(password(enrolled.user().email(), PASSWORD, "198.51.100.52").getStatus()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(31));
        assertThat(secondStep(first, nextCode(enrolled.secret()), "198.51.100.51").getStatus()).isEqualTo(200);
    }

    @Test
    void aChallengeIsVoidAfterFiveWrongCodes() throws Exception {
        var enrolled = enrol("void");
        var challenge = challenge(enrolled.user(), "192.0.2.6");
        for (int i = 0; i < 5; i++) {
            assertThat(secondStep(challenge, wrong(enrolled.secret()), "192.0.2.6").getStatus()).isEqualTo(401);
        }
        clock.advance(Duration.ofMinutes(4));
        var response = secondStep(challenge, nextCode(enrolled.secret()), "192.0.2.6");
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("challenge");
    }

    @Test
    void aChallengeExpires() throws Exception {
        var enrolled = enrol("slow");
        var challenge = challenge(enrolled.user(), "192.0.2.7");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(secondStep(challenge, code(enrolled.secret()), "192.0.2.7").getStatus()).isEqualTo(401);
        assertThat(secondStep("no-such-challenge", code(enrolled.secret()), "192.0.2.7").getStatus()).isEqualTo(401);
    }

    @Test
    void disablingTakesAValidCodeAndSendsANotice() throws Exception {
        var enrolled = enrol("off");
        disable(enrolled.user(), wrong(enrolled.secret())).andExpect(status().isUnprocessableContent());
        disable(enrolled.user(), "").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.code[0]").value("can't be blank"));
        disable(enrolled.user(), nextCode(enrolled.secret())).andExpect(status().isNoContent());
        disable(enrolled.user(), nextCode(enrolled.secret())).andExpect(status().isConflict());
        assertThat(password(enrolled.user().email(), PASSWORD, "192.0.2.8").getStatus()).isEqualTo(200);
        Mailbox.await(mvc, enrolled.user().email(), "two-factor-disabled");
    }

    @Test
    void turningItOnOrOffEndsEveryOtherSession() throws Exception {
        var user = Api.signUp(mvc, "sessions");
        var other = "Token " + Api.login(mvc, user.email(), PASSWORD);
        var body = startEnrolment(user).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var secret = base32(JsonPath.read(body, "$.secret"));
        var codes = confirm(user, code(secret)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        mvc.perform(get("/api/user").header("Authorization", other)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/user").header("Authorization", user.authorization())).andExpect(status().isOk());

        List<String> recoveryCodes = JsonPath.read(codes, "$.recoveryCodes");
        var signedIn = secondStep(challenge(user, "192.0.2.9"), recoveryCodes.get(0), "192.0.2.9");
        var third = "Token " + JsonPath.read(signedIn.getContentAsString(), "$.user.token");
        mvc.perform(get("/api/user").header("Authorization", third)).andExpect(status().isOk());
        disable(user, nextCode(secret)).andExpect(status().isNoContent());
        mvc.perform(get("/api/user").header("Authorization", third)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/user").header("Authorization", user.authorization())).andExpect(status().isOk());
    }

    @Test
    void confirmingWithoutEnrolmentIsAConflict() throws Exception {
        var user = Api.signUp(mvc, "noenrol");
        confirm(user, "123456").andExpect(status().isConflict());
        mvc.perform(post("/api/user/2fa")).andExpect(status().isUnauthorized());
    }

    String wrong(byte[] secret) {
        var right = code(secret);
        return right.equals("000000") ? "000001" : "000000";
    }

    static byte[] base32(String encoded) {
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (var c : encoded.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
