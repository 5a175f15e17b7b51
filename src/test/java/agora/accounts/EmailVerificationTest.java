package agora.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;
import agora.test.MutableClock;

@AgoraTest
class EmailVerificationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    UserDirectory directory;

    @Autowired
    JdbcClient jdbc;

    ResultActions verify(String token) throws Exception {
        return mvc.perform(post("/api/users/verification").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\"}"));
    }

    ResultActions resend(Api.SignedUp user) throws Exception {
        return mvc.perform(post("/api/users/verification/resend").header("Authorization", user.authorization()));
    }

    long idOf(Api.SignedUp user) {
        return directory.findByUsername(user.username()).orElseThrow().id();
    }

    @Test
    void registeringSendsAVerificationEmailWhoseTokenVerifiesTheAddressOnce() throws Exception {
        var user = Api.signUp(mvc, "verify");
        mvc.perform(get("/api/user").header("Authorization", user.authorization()))
                .andExpect(jsonPath("$.user.emailVerified").value(false));

        var email = Mailbox.await(mvc, user.email(), "verify-email");
        assertThat(email.subject()).isEqualTo("Confirm your email address for Agora");
        assertThat(email.text()).contains("Hello " + user.username()).contains("/verify-email?token=" + email.token());
        assertThat(email.html()).contains("href=\"http://localhost:8080/verify-email?token=" + email.token() + "\"");

        verify(email.token()).andExpect(status().isNoContent());
        assertThat(directory.isEmailVerified(idOf(user))).isTrue();
        mvc.perform(get("/api/user").header("Authorization", user.authorization()))
                .andExpect(jsonPath("$.user.emailVerified").value(true));

        verify(email.token()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.token[0]").value("is invalid or has expired"));
    }

    @Test
    void tokensAreRandomAndStoredOnlyAsHashes() throws Exception {
        var user = Api.signUp(mvc, "hashed");
        var token = Mailbox.await(mvc, user.email(), "verify-email").token();
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
        assertThat(jdbc.sql("select count(*) from account_tokens where token_hash = ?").param(token)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from account_tokens where token_hash = ?").param(sha256(token))
                .query(Long.class).single()).isOne();
    }

    @Test
    void aTokenExpiresAfter24Hours() throws Exception {
        var user = Api.signUp(mvc, "expire");
        var token = Mailbox.await(mvc, user.email(), "verify-email").token();
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        verify(token).andExpect(status().isUnprocessableContent());
        assertThat(directory.isEmailVerified(idOf(user))).isFalse();
    }

    @Test
    void refusesJunkTokens() throws Exception {
        verify("").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.token[0]").value("can't be blank"));
        verify("x".repeat(5000)).andExpect(status().isUnprocessableContent());
        verify("not-a-token-anybody-got").andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/users/verification").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void resendIsForSignedInUnverifiedUsersAndThrottled() throws Exception {
        mvc.perform(post("/api/users/verification/resend")).andExpect(status().isUnauthorized());
        var user = Api.signUp(mvc, "resend");
        Mailbox.await(mvc, user.email(), "verify-email");

        resend(user).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
        clock.advance(Duration.ofSeconds(61));
        resend(user).andExpect(status().isAccepted());
        var both = Mailbox.awaitCount(mvc, user.email(), "verify-email", 2);
        assertThat(both.get(0).token()).isNotEqualTo(both.get(1).token());

        // Either link works; after verifying, resending is pointless.
        verify(both.get(1).token()).andExpect(status().isNoContent());
        clock.advance(Duration.ofSeconds(61));
        resend(user).andExpect(status().isConflict());
    }

    @Test
    void resendsAreCappedPerHour() throws Exception {
        var user = Api.signUp(mvc, "cap");
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(61));
            resend(user).andExpect(status().isAccepted());
        }
        clock.advance(Duration.ofSeconds(61));
        resend(user).andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofHours(1));
        resend(user).andExpect(status().isAccepted());
    }

    @Test
    void changingTheEmailUnverifiesItAndSendsNewLinkAndNoticeToTheOldAddress() throws Exception {
        var user = Mailbox.signUpVerified(mvc, "change");
        var oldToken = Mailbox.await(mvc, user.email(), "verify-email").token();
        var newEmail = Api.uniqueName("new") + "@example.com";

        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":{\"email\":\"" + newEmail + "\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.email").value(newEmail))
                .andExpect(jsonPath("$.user.emailVerified").value(false));
        assertThat(directory.isEmailVerified(idOf(user))).isFalse();

        var notice = Mailbox.await(mvc, user.email(), "email-changed");
        assertThat(notice.text()).contains("n***@example.com").doesNotContain(newEmail);
        var link = Mailbox.await(mvc, newEmail, "verify-email");
        verify(oldToken).andExpect(status().isUnprocessableContent());
        verify(link.token()).andExpect(status().isNoContent());
        assertThat(directory.isEmailVerified(idOf(user))).isTrue();
    }

    @Test
    void changingOnlyTheCaseOfTheEmailKeepsItVerified() throws Exception {
        var user = Mailbox.signUpVerified(mvc, "case");
        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":{\"email\":\"" + user.email().toUpperCase() + "\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.emailVerified").value(true));
    }

    @Test
    void aLinkForAnAddressTheAccountNoLongerHasVerifiesNothing() throws Exception {
        var user = Api.signUp(mvc, "stale");
        var staleToken = Mailbox.await(mvc, user.email(), "verify-email").token();
        var newEmail = Api.uniqueName("moved") + "@example.com";
        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":{\"email\":\"" + newEmail + "\"}}"))
                .andExpect(status().isOk());
        verify(staleToken).andExpect(status().isUnprocessableContent());
        assertThat(directory.isEmailVerified(idOf(user))).isFalse();
    }

    static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
