package agora.accounts;

import static agora.test.Api.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;

@AgoraTest
class PasswordHashingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String storedHash(String username) {
        return jdbc.sql("select password_hash from users where username = ?").param(username).query(String.class)
                .single();
    }

    @Test
    void storesArgon2idAtLeastAtTheOwaspMinimum() throws Exception {
        var user = Api.signUp(mvc, "hash");
        assertThat(storedHash(user.username())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void upgradesAWeakerHashAtTheNextLogin() throws Exception {
        var user = Api.signUp(mvc, "legacy");
        var weak = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(PASSWORD);
        jdbc.sql("update users set password_hash = ? where username = ?").params(weak, user.username()).update();

        Api.login(mvc, user.email(), PASSWORD);

        assertThat(storedHash(user.username())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        Api.login(mvc, user.email(), PASSWORD);
    }
}
