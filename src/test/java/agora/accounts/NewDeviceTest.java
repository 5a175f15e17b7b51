package agora.accounts;

import static agora.test.Api.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;

/**
 * A sign-in from a device (address + user agent) the account has not used is emailed to its owner, with a "this
 * wasn't me" link that ends every session and sends a password reset.
 */
@AgoraTest
class NewDeviceTest {

    static final String TABLET = "AgoraTablet/9 (test)";

    @Autowired
    MockMvc mvc;

    long newDeviceEmails(String email) throws Exception {
        return Mailbox.messagesTo(mvc, email).stream().filter(m -> m.template().equals("new-device")).count();
    }

    ResultActions notMe(String token) throws Exception {
        return mvc.perform(post("/api/users/not-me").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\"}"));
    }

    int statusWith(String token) throws Exception {
        return mvc.perform(get("/api/user").header("Authorization", "Token " + token)).andReturn().getResponse()
                .getStatus();
    }

    @Test
    void emailsOncePerNewDeviceAndNotForTheSignUpDevice() throws Exception {
        var user = Api.signUp(mvc, "devices");
        Api.login(mvc, user.email(), PASSWORD); // the device it signed up on
        Api.loginFrom(mvc, "203.0.113.5", TABLET, user.email());
        var email = Mailbox.await(mvc, user.email(), "new-device");
        assertThat(email.subject()).isEqualTo("New sign-in to your Agora account");
        assertThat(email.text()).contains("203.0.113.5").contains(TABLET).contains("/not-me?token=");

        Api.loginFrom(mvc, "203.0.113.5", TABLET, user.email()); // known now
        Api.loginFrom(mvc, "203.0.113.6", TABLET, user.email()); // another address: another device
        Mailbox.awaitCount(mvc, user.email(), "new-device", 2);
        Mailbox.await(mvc, user.email(), "verify-email");
        assertThat(newDeviceEmails(user.email())).isEqualTo(2);
    }

    @Test
    void thisWasntMeEndsEverySessionAndSendsAPasswordResetOnce() throws Exception {
        var user = Api.signUp(mvc, "notme");
        var intruder = Api.loginFrom(mvc, "203.0.113.66", "Intruder/1", user.email());
        var token = Mailbox.await(mvc, user.email(), "new-device").token();

        // The email's link opens the web UI, and the GET alone changes nothing (link scanners fetch links).
        mvc.perform(get("/not-me").param("token", token)).andExpect(status().isOk());
        assertThat(statusWith(intruder)).isEqualTo(200);

        notMe(token).andExpect(status().isNoContent());
        assertThat(statusWith(intruder)).isEqualTo(401);
        assertThat(statusWith(user.token())).isEqualTo(401);
        var reset = Mailbox.await(mvc, user.email(), "password-reset");
        assertThat(reset.text()).contains("/reset-password?token=");

        notMe(token).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.token[0]").value("is invalid or has expired"));
        notMe("made-up").andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/users/not-me").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent());
    }
}
