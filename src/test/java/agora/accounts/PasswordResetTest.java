package agora.accounts;

import static agora.test.Api.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;
import agora.test.MutableClock;

@AgoraTest
class PasswordResetTest {

    static final String NEW_PASSWORD = "a-fresh-start-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    ResultActions requestReset(String email) throws Exception {
        return mvc.perform(post("/api/users/password-reset").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\"}"));
    }

    ResultActions confirm(String token, String password) throws Exception {
        return mvc.perform(post("/api/users/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}"));
    }

    @Test
    void resetsThePasswordEndsEverySessionAndSendsANotice() throws Exception {
        var user = Api.signUp(mvc, "reset");
        var other = Api.login(mvc, user.email(), PASSWORD);

        requestReset(user.email().toUpperCase()).andExpect(status().isAccepted());
        var email = Mailbox.await(mvc, user.email(), "password-reset");
        assertThat(email.subject()).isEqualTo("Reset your Agora password");
        assertThat(email.text()).contains("/reset-password?token=");

        confirm(email.token(), NEW_PASSWORD).andExpect(status().isNoContent());
        mvc.perform(get("/api/user").header("Authorization", user.authorization())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/user").header("Authorization", "Token " + other)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/users/login").contentType(MediaType.APPLICATION_JSON)
                .content(Api.loginJson(user.email(), PASSWORD))).andExpect(status().isUnauthorized());
        Api.login(mvc, user.email(), NEW_PASSWORD);

        var notice = Mailbox.await(mvc, user.email(), "password-changed");
        assertThat(notice.subject()).isEqualTo("Your Agora password was changed");

        confirm(email.token(), "another-new-password").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.token[0]").value("is invalid or has expired"));
    }

    @Test
    void answersTheSameForUnknownAddressesAndSendsNothing() throws Exception {
        var ghost = Api.uniqueName("ghost") + "@example.com";
        requestReset(ghost).andExpect(status().isAccepted());
        var user = Api.signUp(mvc, "known");
        requestReset(user.email()).andExpect(status().isAccepted());
        Mailbox.await(mvc, user.email(), "password-reset");
        assertThat(Mailbox.messagesTo(mvc, ghost)).isEmpty();
    }

    @Test
    void refusesMalformedRequests() throws Exception {
        requestReset("").andExpect(status().isUnprocessableContent());
        requestReset("not-an-email").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.email[0]").value("is invalid"));
        confirm("", NEW_PASSWORD).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.token[0]").value("can't be blank"));
        confirm("some-token-nobody-has", "short").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.password[0]").value(org.hamcrest.Matchers.startsWith("is too short")));
        confirm("some-token-nobody-has", NEW_PASSWORD).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.token[0]").value("is invalid or has expired"));
    }

    @Test
    void aPasswordChangeRefusesABreachedPassword() throws Exception {
        var user = Api.signUp(mvc, "change");
        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":{\"password\":\"Password123\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.password[0]").value(org.hamcrest.Matchers.containsString("most common")));
    }

    @Test
    void theNewPasswordFollowsTheRegistrationRules() throws Exception {
        var user = Api.signUp(mvc, "rules");
        requestReset(user.email()).andExpect(status().isAccepted());
        var token = Mailbox.await(mvc, user.email(), "password-reset").token();
        confirm(token, "password").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.password[0]").value(org.hamcrest.Matchers.containsString("most common")));
        confirm(token, "iloveyou1").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.password[0]").value(org.hamcrest.Matchers.containsString("most common")));
        // The refused attempt did not use the token up.
        confirm(token, NEW_PASSWORD).andExpect(status().isNoContent());
    }

    @Test
    void aTokenExpiresAfter30Minutes() throws Exception {
        var user = Api.signUp(mvc, "late");
        requestReset(user.email()).andExpect(status().isAccepted());
        var token = Mailbox.await(mvc, user.email(), "password-reset").token();
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        confirm(token, NEW_PASSWORD).andExpect(status().isUnprocessableContent());
        Api.login(mvc, user.email(), PASSWORD);
    }

    @Test
    void aLinkSentBeforeAnEmailChangeNoLongerWorks() throws Exception {
        var user = Api.signUp(mvc, "moved");
        requestReset(user.email()).andExpect(status().isAccepted());
        var token = Mailbox.await(mvc, user.email(), "password-reset").token();
        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":{\"email\":\"" + Api.uniqueName("elsewhere") + "@example.com\"}}"))
                .andExpect(status().isOk());
        confirm(token, NEW_PASSWORD).andExpect(status().isUnprocessableContent());
    }

    @Test
    void requestsBeyondTheThrottleSendNoFurtherEmail() throws Exception {
        var user = Api.signUp(mvc, "flood");
        requestReset(user.email()).andExpect(status().isAccepted());
        requestReset(user.email()).andExpect(status().isAccepted());
        Mailbox.await(mvc, user.email(), "password-reset");
        clock.advance(Duration.ofSeconds(61));
        requestReset(user.email()).andExpect(status().isAccepted());
        Mailbox.awaitCount(mvc, user.email(), "password-reset", 2);
        Thread.sleep(300);
        assertThat(Mailbox.messagesTo(mvc, user.email()).stream().filter(m -> m.template().equals("password-reset")))
                .hasSize(2);
    }

    @Test
    void aTokenWorksOnceEvenUnderConcurrentUse() throws Exception {
        var user = Api.signUp(mvc, "race");
        requestReset(user.email()).andExpect(status().isAccepted());
        var token = Mailbox.await(mvc, user.email(), "password-reset").token();
        var threads = 6;
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < threads; i++) {
            var password = NEW_PASSWORD + "-" + i;
            tasks.add(() -> {
                start.await();
                return confirm(token, password).andReturn().getResponse().getStatus();
            });
        }
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var future : futures) {
                statuses.add(future.get());
            }
            assertThat(statuses).containsOnlyOnce(204).filteredOn(s -> s != 204).containsOnly(422);
        }
    }
}
