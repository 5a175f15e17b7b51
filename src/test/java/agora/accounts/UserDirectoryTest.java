package agora.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;

@AgoraTest
@RecordApplicationEvents
class UserDirectoryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory directory;

    @Autowired
    ApplicationEvents events;

    @Test
    void findsProfilesByNameInAnyCaseAndInBatches() throws Exception {
        var a = Api.signUp(mvc, "dira");
        var b = Api.signUp(mvc, "dirb");
        var alice = directory.findByUsername(a.username().toUpperCase()).orElseThrow();
        var bob = directory.findByUsername(b.username()).orElseThrow();
        assertThat(alice.username()).isEqualTo(a.username());
        assertThat(directory.findAllById(List.of(alice.id(), bob.id(), -1L))).containsOnlyKeys(alice.id(), bob.id());
        assertThat(directory.listAfter(alice.id() - 1, 2)).extracting(UserProfile::id).containsExactly(alice.id(), bob.id());
        assertThat(directory.isEmailVerified(alice.id())).isFalse();
        assertThat(directory.findByUsername("no-such-user-anywhere")).isEmpty();
    }

    @Test
    void batchLookupsGiveTheirConnectionBack() throws Exception {
        var user = Api.signUp(mvc, "batch");
        var id = directory.findByUsername(user.username()).orElseThrow().id();
        // more lookups than the pool has connections: a leaked connection per call would exhaust it
        for (var i = 0; i < 50; i++) {
            assertThat(directory.findAllById(List.of(id))).containsOnlyKeys(id);
        }
    }

    @Test
    void publishesRegistrationAndProfileChanges() throws Exception {
        var user = Api.signUp(mvc, "events");
        var id = directory.findByUsername(user.username()).orElseThrow().id();
        assertThat(events.stream(UserRegistered.class)).contains(new UserRegistered(id, user.username()));

        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":{\"bio\":\"new bio\"}}"))
                .andExpect(status().isOk());
        assertThat(events.stream(UserProfileChanged.class)).contains(new UserProfileChanged(id));
    }
}
