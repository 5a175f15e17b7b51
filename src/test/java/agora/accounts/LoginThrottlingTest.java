package agora.accounts;

import static agora.test.Api.PASSWORD;
import static agora.test.Api.loginJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

@AgoraTest
class LoginThrottlingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    MockHttpServletResponse login(String email, String password, String clientAddress) throws Exception {
        return mvc.perform(post("/api/users/login").contentType(MediaType.APPLICATION_JSON)
                .content(loginJson(email, password)).with(r -> {
                    r.setRemoteAddr(clientAddress);
                    return r;
                })).andReturn().getResponse();
    }

    void fail(String email, int times, String clientAddress) throws Exception {
        for (int i = 0; i < times; i++) {
            assertThat(login(email, "wrong-password", clientAddress).getStatus()).isEqualTo(401);
        }
    }

    @Test
    void fiveFailuresHoldTheAccountBackWithRetryAfter() throws Exception {
        var user = Api.signUp(mvc, "throttled");
        fail(user.email(), 5, "192.0.2.10");

        var held = login(user.email(), PASSWORD, "192.0.2.11");
        assertThat(held.getStatus()).isEqualTo(429);
        assertThat(held.getHeader("Retry-After")).isEqualTo("30");
        assertThat(held.getContentType()).isEqualTo("application/problem+json");

        clock.advance(Duration.ofSeconds(31));
        assertThat(login(user.email(), PASSWORD, "192.0.2.11").getStatus()).isEqualTo(200);
    }

    @Test
    void theWaitGrowsWithEveryFailureAfterTheThreshold() throws Exception {
        var user = Api.signUp(mvc, "backoff");
        fail(user.email(), 5, "192.0.2.20");
        clock.advance(Duration.ofSeconds(31));
        fail(user.email(), 1, "192.0.2.20");
        assertThat(login(user.email(), PASSWORD, "192.0.2.21").getHeader("Retry-After")).isEqualTo("60");
        clock.advance(Duration.ofSeconds(61));
        fail(user.email(), 1, "192.0.2.20");
        assertThat(login(user.email(), PASSWORD, "192.0.2.21").getHeader("Retry-After")).isEqualTo("120");
    }

    @Test
    void theOwnerStillGetsInFromAnAddressThatLoggedInBefore() throws Exception {
        var user = Api.signUp(mvc, "owner");
        assertThat(login(user.email(), PASSWORD, "198.51.100.7").getStatus()).isEqualTo(200);
        fail(user.email(), 5, "203.0.113.66");

        assertThat(login(user.email(), PASSWORD, "203.0.113.67").getStatus()).isEqualTo(429);
        assertThat(login(user.email(), PASSWORD, "198.51.100.7").getStatus()).isEqualTo(200);
    }

    @Test
    void successfulLoginsNeverCount() throws Exception {
        var user = Api.signUp(mvc, "happy");
        for (int i = 0; i < 8; i++) {
            assertThat(login(user.email(), PASSWORD, "192.0.2.30").getStatus()).isEqualTo(200);
        }
    }

    @Test
    void unknownEmailsAreThrottledLikeRealOnes() throws Exception {
        var ghost = Api.uniqueName("ghost") + "@example.com";
        fail(ghost, 5, "192.0.2.40");
        assertThat(login(ghost, "wrong-password", "192.0.2.41").getStatus()).isEqualTo(429);
    }

    @Test
    void oneAddressFailingAcrossManyAccountsIsHeldBack() throws Exception {
        var victim = Api.signUp(mvc, "stuffed");
        for (int i = 0; i < 20; i++) {
            fail(Api.uniqueName("spray") + "@example.com", 1, "192.0.2.50");
        }
        var held = login(victim.email(), PASSWORD, "192.0.2.50");
        assertThat(held.getStatus()).isEqualTo(429);
        assertThat(login(victim.email(), PASSWORD, "192.0.2.51").getStatus()).isEqualTo(200);
    }
}
