package agora.platform;

import static agora.platform.ErrorShapeTest.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/**
 * Every class of API request has its own limit per client, answered with 429, Retry-After and the IETF RateLimit
 * headers once exceeded, and allowed again once its period has passed. Each test speaks from addresses of its
 * own, so the tests' buckets never meet.
 */
@AgoraTest
@TestPropertySource(properties = {
        "agora.rate-limits.sign-up.capacity=3", "agora.rate-limits.sign-up.period=1h",
        "agora.rate-limits.login.capacity=4", "agora.rate-limits.login.period=5m",
        "agora.rate-limits.email.capacity=3", "agora.rate-limits.email.period=1h",
        "agora.rate-limits.writes.capacity=5", "agora.rate-limits.writes.period=5m",
        "agora.rate-limits.checkout.capacity=2", "agora.rate-limits.checkout.period=1h",
        "agora.rate-limits.search.capacity=5", "agora.rate-limits.search.period=1m",
        "agora.rate-limits.reads.capacity=8", "agora.rate-limits.reads.period=5m",
        "agora.rate-limits.anonymous-reads.capacity=6", "agora.rate-limits.anonymous-reads.period=5m",
        "agora.rate-limits.admin.capacity=3", "agora.rate-limits.admin.period=5m",
        "agora.rate-limits.reports.capacity=3", "agora.rate-limits.reports.period=1h",
        "agora.rate-limits.webhooks.capacity=3", "agora.rate-limits.webhooks.period=1m",
        "agora.auth.login-throttle.client-threshold=3",
        "agora.web.trusted-proxies=10.0.0.0/8, fd00::/8" })
class RateLimitsTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final String PROXY = "10.1.2.3";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    /** An address no other request of this test class has used. */
    static String freshAddress() {
        var n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static RequestPostProcessor behindProxy(String forwardedFor) {
        return request -> {
            request.setRemoteAddr(PROXY);
            request.addHeader("X-Forwarded-For", forwardedFor);
            return request;
        };
    }

    MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    Api.SignedUp signUpFrom(String address) throws Exception {
        var name = Api.uniqueName("limits");
        var body = mvc.perform(post("/api/users").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                .content(Api.userJson(name, name + "@example.com", Api.PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Api.SignedUp(name, name + "@example.com", JsonPath.read(body, "$.user.token"));
    }

    static MockHttpServletRequestBuilder signUpRequest() {
        var name = Api.uniqueName("limits");
        return post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content(Api.userJson(name, name + "@example.com", Api.PASSWORD));
    }

    static MockHttpServletRequestBuilder loginRequest(String email) {
        return post("/api/users/login").contentType(MediaType.APPLICATION_JSON).content(Api.loginJson(email, Api.PASSWORD));
    }

    static MockHttpServletRequestBuilder comment(Api.SignedUp user, String slug) {
        return post("/api/articles/" + slug + "/comments").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":{\"body\":\"hello\"}}");
    }

    String publish(Api.SignedUp author, String address) throws Exception {
        var body = mvc.perform(post("/api/articles").with(from(address)).header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"article\":{\"title\":\"" + Api.uniqueName("limits") + "\",\"description\":\"d\",\"body\":\"b\"}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.article.slug");
    }

    /** Asserts a 429 in the one error shape with the headers that tell the client what to do; answers Retry-After. */
    long assertThrottled(MockHttpServletRequestBuilder request, String policy, long capacity, long windowSeconds)
            throws Exception {
        var result = mvc.perform(request).andExpect(problem(429))
                .andExpect(jsonPath("$.type").value("urn:agora:problem:throttled"))
                .andExpect(header().string("RateLimit-Policy", "\"" + policy + "\";q=" + capacity + ";w=" + windowSeconds))
                .andExpect(header().string("RateLimit", org.hamcrest.Matchers.matchesPattern("\"" + policy + "\";r=0;t=\\d+")))
                .andReturn();
        var retryAfter = Long.parseLong(result.getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, windowSeconds);
        return retryAfter;
    }

    @Test
    void signUpsFromOneAddressAreLimitedAndAllowedAgainAfterThePeriod() throws Exception {
        var address = freshAddress();
        for (var remaining = 2; remaining >= 0; remaining--) {
            mvc.perform(signUpRequest().with(from(address))).andExpect(status().isCreated())
                    .andExpect(header().string("RateLimit-Policy", "\"sign-up\";q=3;w=3600"))
                    .andExpect(header().string("RateLimit", org.hamcrest.Matchers.startsWith("\"sign-up\";r=" + remaining + ";t=")));
        }
        var retryAfter = assertThrottled(signUpRequest().with(from(address)), "sign-up", 3, 3600);
        assertThat(retryAfter).isEqualTo(1200); // one sign-up comes back every 3600 / 3 seconds

        mvc.perform(signUpRequest().with(from(freshAddress()))).andExpect(status().isCreated());

        clock.advance(Duration.ofSeconds(retryAfter));
        mvc.perform(signUpRequest().with(from(address))).andExpect(status().isCreated());
        assertThrottled(signUpRequest().with(from(address)), "sign-up", 3, 3600);
    }

    @Test
    void loginsAreLimitedPerAddressAndPerAccount() throws Exception {
        var user = signUpFrom(freshAddress());
        var address = freshAddress();
        for (var i = 0; i < 4; i++) {
            mvc.perform(loginRequest(signUpFrom(freshAddress()).email()).with(from(address))).andExpect(status().isOk());
        }
        assertThrottled(loginRequest(user.email()).with(from(address)), "login", 4, 300);

        // One account from many addresses: its own bucket runs out just the same.
        for (var i = 0; i < 4; i++) {
            mvc.perform(loginRequest(user.email()).with(from(freshAddress()))).andExpect(status().isOk());
        }
        assertThrottled(loginRequest(user.email()).with(from(freshAddress())), "login", 4, 300);
        clock.advance(Duration.ofSeconds(75));
        mvc.perform(loginRequest(user.email()).with(from(freshAddress()))).andExpect(status().isOk());
    }

    @Test
    void writesAreLimitedPerUserWhateverTheAddress() throws Exception {
        var author = signUpFrom(freshAddress());
        var slug = publish(author, freshAddress());
        var writer = signUpFrom(freshAddress());
        var address = freshAddress();
        for (var i = 0; i < 5; i++) {
            mvc.perform(comment(writer, slug).with(from(address))).andExpect(status().isOk());
        }
        assertThrottled(comment(writer, slug).with(from(address)), "writes", 5, 300);
        assertThrottled(comment(writer, slug).with(from(freshAddress())), "writes", 5, 300);

        var other = signUpFrom(freshAddress());
        mvc.perform(comment(other, slug).with(from(address))).andExpect(status().isOk());
    }

    @Test
    void checkoutsAreLimitedPerUser() throws Exception {
        var buyer = signUpFrom(freshAddress());
        var checkout = post("/api/orders").header("Authorization", buyer.authorization())
                .header("Idempotency-Key", "key-" + Api.uniqueName("k")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"paymentMethod\":\"pm_card_visa\"}");
        for (var i = 0; i < 2; i++) {
            var answered = perform(post("/api/orders").header("Authorization", buyer.authorization())
                    .header("Idempotency-Key", "key-" + Api.uniqueName("k")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"paymentMethod\":\"pm_card_visa\"}"));
            assertThat(answered.getResponse().getStatus()).isBetween(400, 428);
        }
        assertThrottled(checkout, "checkout", 2, 3600);
    }

    @Test
    void searchesAndSuggestionsShareALimitPerClient() throws Exception {
        var address = freshAddress();
        for (var i = 0; i < 3; i++) {
            mvc.perform(get("/api/search").param("q", "walnut").with(from(address))).andExpect(status().isOk());
        }
        for (var i = 0; i < 2; i++) {
            mvc.perform(get("/api/search/suggest").param("q", "wal").with(from(address))).andExpect(status().isOk());
        }
        assertThrottled(get("/api/search").param("q", "walnut").with(from(address)), "search", 5, 60);
        mvc.perform(get("/api/search").param("q", "walnut").with(from(freshAddress()))).andExpect(status().isOk());
    }

    @Test
    void anonymousReadsCountPerAddressAndSignedInReadsPerUser() throws Exception {
        var address = freshAddress();
        for (var i = 0; i < 6; i++) {
            mvc.perform(get("/api/articles").with(from(address))).andExpect(status().isOk())
                    .andExpect(header().exists("RateLimit"));
        }
        assertThrottled(get("/api/articles").with(from(address)), "anonymous-reads", 6, 300);

        var reader = signUpFrom(freshAddress());
        for (var i = 0; i < 8; i++) {
            mvc.perform(get("/api/articles").with(from(address)).header("Authorization", reader.authorization()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("RateLimit-Policy", "\"reads\";q=8;w=300"));
        }
        assertThrottled(get("/api/user").with(from(freshAddress())).header("Authorization", reader.authorization()),
                "reads", 8, 300);
    }

    @Test
    void theAdminAreaIsLimited() throws Exception {
        var admin = signUpFrom(freshAddress());
        jdbc.sql("update users set role = 'ADMIN' where username = ?").param(admin.username()).update();
        var status = get("/api/admin/search/status").header("Authorization", admin.authorization());
        for (var i = 0; i < 3; i++) {
            mvc.perform(status).andExpect(status().isOk());
        }
        assertThrottled(status, "admin", 3, 300);
    }

    /** Reports have their own class, apart from writes: flooding the moderators is refused, writing goes on. */
    @Test
    void reportsAreLimitedPerUser() throws Exception {
        var reporter = signUpFrom(freshAddress());
        for (var i = 0; i < 4; i++) {
            var reported = signUpFrom(freshAddress());
            var report = post("/api/reports").with(from(freshAddress())).header("Authorization", reporter.authorization())
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"report":{"kind":"user","subject":"%s","reason":"spam"}}""".formatted(reported.username()));
            if (i < 3) {
                mvc.perform(report).andExpect(status().isCreated())
                        .andExpect(header().string("RateLimit-Policy", "\"reports\";q=3;w=3600"));
            } else {
                assertThrottled(report, "reports", 3, 3600);
            }
        }
        mvc.perform(post("/api/articles").with(from(freshAddress())).header("Authorization", reporter.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"article\":{\"title\":\"" + Api.uniqueName("limits") + "\",\"description\":\"d\",\"body\":\"b\"}}"))
                .andExpect(status().isCreated());
    }

    @Test
    void webhooksAreLimitedPerAddress() throws Exception {
        var address = freshAddress();
        var webhook = post("/api/payments/webhooks/stripe").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                .content("{}");
        for (var i = 0; i < 3; i++) {
            assertThat(perform(webhook).getResponse().getStatus()).isNotEqualTo(429);
        }
        assertThrottled(webhook, "webhooks", 3, 60);
    }

    @Test
    void healthMetricsTheDocumentAndTheWebUiAreNotLimited() throws Exception {
        var address = freshAddress();
        for (var i = 0; i < 20; i++) {
            for (var path : new String[] { "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
                    "/", "/app.js", "/app.css", "/v3/api-docs" }) {
                mvc.perform(get(path).with(from(address))).andExpect(status().isOk())
                        .andExpect(header().doesNotExist("RateLimit"));
            }
        }
    }

    @Test
    void aForwardedForFromAnUntrustedAddressIsIgnored() throws Exception {
        var address = freshAddress();
        for (var i = 0; i < 3; i++) {
            mvc.perform(signUpRequest().with(from(address)).header("X-Forwarded-For", freshAddress()))
                    .andExpect(status().isCreated());
        }
        assertThrottled(signUpRequest().with(from(address)).header("X-Forwarded-For", freshAddress()), "sign-up", 3,
                3600);
    }

    @Test
    void behindATrustedProxyEachClientHasItsOwnBucketAndCannotForgeAnother() throws Exception {
        var client = freshAddress();
        for (var i = 0; i < 3; i++) {
            // The client writes any X-Forwarded-For it likes; the proxy appends the address it heard from.
            mvc.perform(signUpRequest().with(behindProxy(freshAddress() + ", " + client))).andExpect(status().isCreated());
        }
        assertThrottled(signUpRequest().with(behindProxy("203.0.113.9, " + client)), "sign-up", 3, 3600);
        mvc.perform(signUpRequest().with(behindProxy(freshAddress()))).andExpect(status().isCreated());
        // A chain of our own proxies is walked through.
        mvc.perform(signUpRequest().with(behindProxy(client + ", 10.9.9.9"))).andExpect(problem(429));
    }

    @Test
    void theLoginThrottleCountsFailuresPerResolvedClient() throws Exception {
        var user = signUpFrom(freshAddress());
        var guesser = freshAddress();
        for (var i = 0; i < 3; i++) {
            mvc.perform(post("/api/users/login").with(behindProxy(guesser)).contentType(MediaType.APPLICATION_JSON)
                    .content(Api.loginJson(Api.uniqueName("nobody") + "@example.com", "wrong-password-1")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(loginRequest(user.email()).with(behindProxy(guesser))).andExpect(problem(429))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("too many failed attempts")));
        // Another client behind the same proxy is not held back by the guesser's failures.
        mvc.perform(loginRequest(user.email()).with(behindProxy(freshAddress()))).andExpect(status().isOk());
    }

    @Test
    void changingTheEmailBackAndForthIsLimitedPerAccount() throws Exception {
        var user = signUpFrom(freshAddress());
        var other = Api.uniqueName("flip") + "@example.com";
        var addresses = new String[] { other, user.email() };
        for (var i = 0; i < 3; i++) {
            mvc.perform(put("/api/user").header("Authorization", user.authorization()).with(from(freshAddress()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"user\":{\"email\":\"" + addresses[i % 2] + "\"}}")).andExpect(status().isOk());
            clock.advance(Duration.ofSeconds(1)); // notices are told apart by the time of the change
        }
        // The sign-up's verification, then per change a verification to the new address and a notice to the old.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> emailsTo(user.email()) + emailsTo(other) == 7);
        assertThrottled(put("/api/user").header("Authorization", user.authorization()).with(from(freshAddress()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":{\"email\":\"" + user.email() + "\"}}"),
                "email", 3, 3600);
        Thread.sleep(300);
        assertThat(emailsTo(user.email()) + emailsTo(other)).isEqualTo(7);
        mvc.perform(get("/api/user").header("Authorization", user.authorization()).with(from(freshAddress())))
                .andExpect(jsonPath("$.user.email").value(other));
    }

    @Test
    void passwordChangesAreLimitedLikeEveryRequestThatSendsAnEmail() throws Exception {
        var user = signUpFrom(freshAddress());
        for (var i = 0; i < 3; i++) {
            mvc.perform(put("/api/user").header("Authorization", user.authorization()).with(from(freshAddress()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"user\":{\"password\":\"another-password-" + i + "\"}}")).andExpect(status().isOk());
        }
        assertThrottled(put("/api/user").header("Authorization", user.authorization()).with(from(freshAddress()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":{\"password\":\"yet-another-password\"}}"),
                "email", 3, 3600);
        // Nothing else about the account is limited by it.
        mvc.perform(put("/api/user").header("Authorization", user.authorization()).with(from(freshAddress()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":{\"bio\":\"still here\"}}"))
                .andExpect(status().isOk());
    }

    @Test
    void emailsToOneAddressAreLimitedWhoeverAsks() throws Exception {
        var target = Api.uniqueName("inbox") + "@example.com";
        for (var i = 0; i < 3; i++) {
            mvc.perform(post("/api/users/password-reset").with(from(freshAddress())).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\":\"" + target + "\"}")).andExpect(status().isAccepted());
        }
        // The same answer for an address nobody has: a refusal tells nothing about accounts.
        assertThrottled(post("/api/users/password-reset").with(from(freshAddress()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"" + target + "\"}"), "email", 3, 3600);
        // Nor can the address be signed up for, which would send it a verification email.
        var name = Api.uniqueName("limits");
        assertThrottled(post("/api/users").with(from(freshAddress())).contentType(MediaType.APPLICATION_JSON)
                .content(Api.userJson(name, target, Api.PASSWORD)), "email", 3, 3600);
    }

    private long emailsTo(String recipient) {
        return jdbc.sql("select count(*) from email_outbox where recipient_key = ?").param(recipient.toLowerCase())
                .query(Long.class).single();
    }
}
