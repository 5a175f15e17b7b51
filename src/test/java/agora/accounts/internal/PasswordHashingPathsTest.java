package agora.accounts.internal;

import static agora.test.Api.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;

/**
 * Every request that hashes or checks a password does it through the {@link HashingPool}, and none holds a
 * database connection (or a transaction) while it waits for the pool or hashes.
 */
@AgoraTest
class PasswordHashingPathsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @MockitoSpyBean
    HashingPool pool;

    /** One entry per hash: whether its caller held a connection or transaction at the time. */
    final List<Boolean> heldConnection = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordEveryHash() {
        doAnswer(call -> {
            heldConnection.add(TransactionSynchronizationManager.isActualTransactionActive()
                    || TransactionSynchronizationManager.hasResource(dataSource));
            return call.callRealMethod();
        }).when(pool).run(any());
    }

    void expectHashesWithoutConnections(String path, int atLeast) {
        assertThat(heldConnection).as(path).hasSizeGreaterThanOrEqualTo(atLeast).doesNotContain(true);
        heldConnection.clear();
    }

    void login(String email, String password, int status) throws Exception {
        mvc.perform(post("/api/users/login").contentType(MediaType.APPLICATION_JSON).content(Api.loginJson(email, password)))
                .andExpect(status().is(status));
    }

    @Test
    void everyPathHashesOnThePoolWithoutHoldingAConnection() throws Exception {
        var user = Api.signUp(mvc, "paths");
        expectHashesWithoutConnections("sign-up", 1);

        login(user.email(), PASSWORD, 200);
        expectHashesWithoutConnections("login", 1);
        login(user.email(), "not-the-password", 401);
        expectHashesWithoutConnections("wrong password", 1);
        login(Api.uniqueName("nobody") + "@example.com", PASSWORD, 401);
        expectHashesWithoutConnections("unknown email", 1);

        jdbc.sql("update users set password_hash = ? where username = ?")
                .params(new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(PASSWORD), user.username()).update();
        login(user.email(), PASSWORD, 200);
        expectHashesWithoutConnections("re-hash on upgrade", 2);

        var changed = "changed-" + PASSWORD;
        mvc.perform(put("/api/user").header("Authorization", user.authorization()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":{\"password\":\"" + changed + "\"}}")).andExpect(status().isOk());
        expectHashesWithoutConnections("password change", 1);

        mvc.perform(post("/api/users/password-reset").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + user.email() + "\"}")).andExpect(status().isAccepted());
        var reset = Mailbox.await(mvc, user.email(), "password-reset");
        var resetTo = "reset-" + PASSWORD;
        mvc.perform(post("/api/users/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + reset.token() + "\",\"password\":\"" + resetTo + "\"}"))
                .andExpect(status().isNoContent());
        expectHashesWithoutConnections("password reset", 1);

        var token = Api.login(mvc, user.email(), resetTo);
        heldConnection.clear();
        mvc.perform(delete("/api/user").header("Authorization", "Token " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"" + resetTo + "\"}")).andExpect(status().isNoContent());
        expectHashesWithoutConnections("account deletion", 1);
    }
}
