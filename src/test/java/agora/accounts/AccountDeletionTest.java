package agora.accounts;

import static agora.test.Api.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import agora.accounts.internal.Totp;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;
import agora.test.MutableClock;

@AgoraTest
@RecordApplicationEvents
class AccountDeletionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory directory;

    @Autowired
    UserContacts contacts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    MutableClock clock;

    ResultActions deleteAccount(Api.SignedUp user, String body) throws Exception {
        return mvc.perform(delete("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void deletionAnonymizesTheAccountAndKeepsItsIdForContent() throws Exception {
        var user = Mailbox.signUpVerified(mvc, "leaver");
        var other = Api.login(mvc, user.email(), PASSWORD);
        var id = directory.findByUsername(user.username()).orElseThrow().id();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/user")
                .header("Authorization", user.authorization()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":{\"bio\":\"my bio\",\"image\":\"https://img.example.com/me.png\"}}"))
                .andExpect(status().isOk());

        deleteAccount(user, "{\"password\":\"" + PASSWORD + "\"}").andExpect(status().isNoContent());

        // No session and no login any more.
        mvc.perform(get("/api/user").header("Authorization", user.authorization())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/user").header("Authorization", "Token " + other)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/users/login").contentType(MediaType.APPLICATION_JSON)
                .content(Api.loginJson(user.email(), PASSWORD))).andExpect(status().isUnauthorized());

        // Content keeps a neutral author; the old name and address lead nowhere.
        var profile = directory.findAllById(List.of(id)).get(id);
        assertThat(profile.username()).startsWith("deleted-user-").isNotEqualTo(user.username());
        assertThat(profile.bio()).isNull();
        assertThat(profile.image()).isNull();
        assertThat(directory.findById(id)).contains(profile);
        assertThat(directory.findByUsername(user.username())).isEmpty();
        assertThat(directory.findByUsername(profile.username())).isEmpty();
        assertThat(directory.listAfter(id - 1, 1)).extracting(UserProfile::id).doesNotContain(id);
        assertThat(directory.isEmailVerified(id)).isFalse();
        assertThat(contacts.contactOf(id)).isEmpty();
        assertThat(events.stream(UserDeleted.class)).contains(new UserDeleted(id));

        // Nothing personal remains in the row or beside it.
        var row = jdbc.sql("select username, email, password_hash, bio, image, deleted_at from users where id = ?")
                .param(id).query().singleRow();
        assertThat(row.get("email").toString()).endsWith("@deleted.invalid").doesNotContain(user.username());
        assertThat(row.get("password_hash")).isEqualTo("");
        assertThat(row.get("deleted_at")).isNotNull();
        for (var table : List.of("sessions", "login_known_clients", "account_tokens", "two_factor", "recovery_codes",
                "security_events", "known_devices")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where user_id = ?").param(id).query(Long.class)
                    .single()).as(table).isZero();
        }
        // The account's emails (they hold its address) go too, once notifications has handled the event.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc
                .sql("select count(*) from email_outbox where user_id = ?").param(id).query(Long.class).single() == 0);
    }

    @Test
    void theOldNameAndAddressAreFreeAgain() throws Exception {
        var user = Api.signUp(mvc, "recycled");
        deleteAccount(user, "{\"password\":\"" + PASSWORD + "\"}").andExpect(status().isNoContent());
        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content(Api.userJson(user.username(), user.email(), PASSWORD))).andExpect(status().isCreated());
    }

    @Test
    void takesTheRightPasswordAndCountsWrongOnes() throws Exception {
        var user = Api.signUp(mvc, "careful");
        deleteAccount(user, "{}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.password[0]").value("can't be blank"));
        for (int i = 0; i < 5; i++) {
            deleteAccount(user, "{\"password\":\"wrong-password\"}").andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors.password[0]").value("is invalid"));
        }
        deleteAccount(user, "{\"password\":\"" + PASSWORD + "\"}").andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/user").header("Authorization", user.authorization())).andExpect(status().isOk());
        mvc.perform(delete("/api/user").contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"x\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void withTwoFactorOnItTakesACodeToo() throws Exception {
        var user = Api.signUp(mvc, "guarded");
        var body = mvc.perform(post("/api/user/2fa").header("Authorization", user.authorization()))
                .andReturn().getResponse().getContentAsString();
        var secret = TwoFactorTest.base32(com.jayway.jsonpath.JsonPath.read(body, "$.secret"));
        var now = Totp.stepAt(clock.instant());
        mvc.perform(post("/api/user/2fa/confirm").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + Totp.code(secret, now) + "\"}"))
                .andExpect(status().isOk());

        deleteAccount(user, "{\"password\":\"" + PASSWORD + "\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.code[0]").value(org.hamcrest.Matchers.startsWith("can't be blank")));
        deleteAccount(user, "{\"password\":\"" + PASSWORD + "\",\"code\":\"" + Totp.code(secret, now - 5) + "\"}")
                .andExpect(status().isUnprocessableContent());
        deleteAccount(user, "{\"password\":\"" + PASSWORD + "\",\"code\":\""
                + Totp.code(secret, now + 1) + "\"}").andExpect(status().isNoContent());
    }

    @Test
    void deletedUsernamesAreReserved() throws Exception {
        mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content(Api.userJson("Deleted-User-1234", Api.uniqueName("impostor") + "@example.com", PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.username[0]").value("is reserved"));
    }
}
