package agora.accounts;

import static org.assertj.core.api.Assertions.assertThat;
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

import com.jayway.jsonpath.JsonPath;

import agora.accounts.internal.Totp;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;
import agora.test.MutableClock;

/** Signing in with an emailed, single-use link: no enumeration, 15 minutes, two-factor login still applies. */
@AgoraTest
class SignInLinkTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountModeration moderation;

    @Autowired
    UserDirectory directory;

    ResultActions requestLink(String email) throws Exception {
        return mvc.perform(post("/api/users/login/link").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\"}"));
    }

    ResultActions complete(String token) throws Exception {
        return mvc.perform(post("/api/users/login/link/complete").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\"}"));
    }

    String linkTokenFor(String email) throws Exception {
        requestLink(email).andExpect(status().isAccepted());
        return Mailbox.await(mvc, email, "sign-in-link").token();
    }

    @Test
    void theLinkSignsInOnce() throws Exception {
        var user = Api.signUp(mvc, "link");
        requestLink(user.email().toUpperCase()).andExpect(status().isAccepted());
        var email = Mailbox.await(mvc, user.email(), "sign-in-link");
        assertThat(email.subject()).isEqualTo("Your Agora sign-in link");
        assertThat(email.text()).contains("/sign-in-link?token=");

        var body = complete(email.token()).andExpect(status().isOk())
                .andExpect(jsonPath("$.user.username").value(user.username()))
                .andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(body, "$.user.token");
        mvc.perform(get("/api/user").header("Authorization", "Token " + token)).andExpect(status().isOk());
        mvc.perform(get("/api/user/security-events").header("Authorization", "Token " + token))
                .andExpect(jsonPath("$.securityEvents[0].kind").value("signed-in"))
                .andExpect(jsonPath("$.securityEvents[0].detail").value("email link"));

        complete(email.token()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.token[0]").value("is invalid or has expired"));
    }

    @Test
    void openingTheLinkOpensTheWebUiAndUsesNothingUp() throws Exception {
        var user = Api.signUp(mvc, "scanned");
        var token = linkTokenFor(user.email());
        mvc.perform(get("/sign-in-link").param("token", token)).andExpect(status().isOk());
        complete(token).andExpect(status().isOk());
    }

    @Test
    void aLinkExpiresAfter15Minutes() throws Exception {
        var user = Api.signUp(mvc, "late-link");
        var token = linkTokenFor(user.email());
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        complete(token).andExpect(status().isUnprocessableContent());
    }

    @Test
    void withTwoFactorLoginOnTheLinkEarnsTheChallenge() throws Exception {
        var user = Api.signUp(mvc, "link-2fa");
        var start = mvc.perform(post("/api/user/2fa").header("Authorization", user.authorization()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var secret = TwoFactorTest.base32(JsonPath.read(start, "$.secret"));
        mvc.perform(post("/api/user/2fa/confirm").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + Totp.code(secret, Totp.stepAt(clock.instant())) + "\"}"))
                .andExpect(status().isOk());

        var answer = complete(linkTokenFor(user.email())).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.user").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        mvc.perform(post("/api/users/login/2fa").contentType(MediaType.APPLICATION_JSON)
                .content("{\"challenge\":\"" + JsonPath.read(answer, "$.challenge") + "\",\"code\":\""
                        + Totp.code(secret, Totp.stepAt(clock.instant())) + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.user.username").value(user.username()));
    }

    @Test
    void unknownAddressesGetTheSameAnswerAndNoEmail() throws Exception {
        var ghost = Api.uniqueName("ghost") + "@example.com";
        requestLink(ghost).andExpect(status().isAccepted());
        var user = Api.signUp(mvc, "known-link");
        linkTokenFor(user.email());
        assertThat(Mailbox.messagesTo(mvc, ghost)).isEmpty();
    }

    @Test
    void suspendedAccountsAreSentNoLinkAndOldLinksDoNotSignThemIn() throws Exception {
        var user = Api.signUp(mvc, "susp-link");
        var token = linkTokenFor(user.email());
        moderation.suspend(directory.findByUsername(user.username()).orElseThrow().id(), null, "fraud");
        complete(token).andExpect(status().isForbidden());

        clock.advance(Duration.ofMinutes(2));
        requestLink(user.email()).andExpect(status().isAccepted());
        Thread.sleep(500);
        assertThat(Mailbox.messagesTo(mvc, user.email()).stream().filter(m -> m.template().equals("sign-in-link")))
                .hasSize(1);
    }

    @Test
    void aLinkSentBeforeAnEmailChangeNoLongerWorks() throws Exception {
        var user = Api.signUp(mvc, "moved-link");
        var token = linkTokenFor(user.email());
        mvc.perform(put("/api/user")
                .header("Authorization", user.authorization()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":{\"email\":\"" + Api.uniqueName("elsewhere") + "@example.com\"}}"))
                .andExpect(status().isOk());
        complete(token).andExpect(status().isUnprocessableContent());
    }

    @Test
    void requestsBeyondTheThrottleSendNoFurtherLink() throws Exception {
        var user = Api.signUp(mvc, "flood-link");
        linkTokenFor(user.email());
        requestLink(user.email()).andExpect(status().isAccepted());
        clock.advance(Duration.ofSeconds(61));
        linkTokenFor(user.email());
        Mailbox.awaitCount(mvc, user.email(), "sign-in-link", 2);
        Thread.sleep(300);
        assertThat(Mailbox.messagesTo(mvc, user.email()).stream().filter(m -> m.template().equals("sign-in-link")))
                .hasSize(2);
    }

    @Test
    void refusesMalformedRequests() throws Exception {
        requestLink("not-an-email").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.email[0]").value("is invalid"));
        complete("").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.token[0]").value("can't be blank"));
        complete("some-token-nobody-has").andExpect(status().isUnprocessableContent());
    }
}
