package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class SessionEvictionTest {

    @Test
    void messagesNameTheSessionOrTheUser() {
        var id = UUID.fromString("0b7f7c3e-6a51-4c1e-9d4a-2f1e8f2c9a11");
        assertThat(new SessionEviction.OneSession(id).message()).isEqualTo("session:" + id);
        assertThat(new SessionEviction.AllOfUser(42).message()).isEqualTo("user:42");
        assertThat(SessionEviction.parse("session:" + id)).contains(new SessionEviction.OneSession(id));
        assertThat(SessionEviction.parse("user:42")).contains(new SessionEviction.AllOfUser(42));
    }

    @Test
    void unknownOrMalformedMessagesAskForNothingInParticular() {
        assertThat(SessionEviction.parse("")).isEmpty();
        assertThat(SessionEviction.parse("user")).isEmpty();
        assertThat(SessionEviction.parse("user:")).isEmpty();
        assertThat(SessionEviction.parse("user:abc")).isEmpty();
        assertThat(SessionEviction.parse("session:not-a-uuid")).isEmpty();
        assertThat(SessionEviction.parse("team:7")).isEmpty();
    }
}
