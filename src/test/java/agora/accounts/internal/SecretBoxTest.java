package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    final SecretBox box = new SecretBox(RandomTokens.bytes(32));
    final byte[] secret = "a totp secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealedAndHidesIt() {
        var sealed = box.seal(secret, "totp:1");
        assertThat(sealed).doesNotContain(Base32.encode(secret));
        assertThat(box.open(sealed, "totp:1")).isEqualTo(secret);
        assertThat(box.seal(secret, "totp:1")).isNotEqualTo(sealed);
    }

    @Test
    void refusesAnotherContextOrKey() {
        var sealed = box.seal(secret, "totp:1");
        assertThatThrownBy(() -> box.open(sealed, "totp:2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(RandomTokens.bytes(32)).open(sealed, "totp:1"))
                .isInstanceOf(IllegalStateException.class);
    }
}
