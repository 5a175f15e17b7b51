package agora.accounts;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import agora.test.AgoraTest;
import agora.test.Api;

/**
 * Sign-in link requests are limited per recipient address (known or not, so a 429 tells nothing) and per client
 * address, the login class.
 */
@AgoraTest
@TestPropertySource(properties = {
        "agora.rate-limits.email.capacity=2", "agora.rate-limits.email.period=1h",
        "agora.rate-limits.login.capacity=4", "agora.rate-limits.login.period=5m" })
class SignInLinkLimitsTest {

    @Autowired
    MockMvc mvc;

    ResultActions requestLink(String email, String client) throws Exception {
        return mvc.perform(post("/api/users/login/link").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\"}").with(r -> {
                    r.setRemoteAddr(client);
                    return r;
                }));
    }

    @Test
    void oneAddressIsSentOnlySoManyWhetherOrNotAnAccountHasIt() throws Exception {
        var ghost = Api.uniqueName("ghost") + "@example.com";
        requestLink(ghost, "192.0.2.90").andExpect(status().isAccepted());
        requestLink(ghost, "192.0.2.91").andExpect(status().isAccepted());
        requestLink(ghost, "192.0.2.92").andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void oneClientMayAskOnlySoOften() throws Exception {
        for (int i = 0; i < 4; i++) {
            requestLink(Api.uniqueName("spray") + "@example.com", "192.0.2.95").andExpect(status().isAccepted());
        }
        requestLink(Api.uniqueName("spray") + "@example.com", "192.0.2.95").andExpect(status().isTooManyRequests());
    }
}
