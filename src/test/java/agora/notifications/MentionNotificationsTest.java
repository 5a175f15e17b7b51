package agora.notifications;

import static agora.notifications.Inboxes.awaitCount;
import static agora.notifications.Inboxes.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.stream.Collectors;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;

/** @username in posts and comments: stored for existing users, shown on the JSON, and notified once. */
@AgoraTest
class MentionNotificationsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void mentionedUsersAreNotifiedOnceAndEditsNotifyOnlyTheNewOnes() throws Exception {
        var alice = Api.signUp(mvc, "alice");
        var bob = Api.signUp(mvc, "bob");
        var carol = Api.signUp(mvc, "carol");
        var slug = Inboxes.publish(mvc, alice, "Hello",
                "hi @" + bob.username() + ", @nobody-here-xyz and me @" + alice.username() + "; mail bob@example.com");

        assertThat(texts(awaitCount(mvc, bob, 1))).containsExactly(alice.username() + " mentioned you in “Hello”");
        mvc.perform(get("/api/articles/{s}", slug)).andExpect(status().isOk())
                .andExpect(jsonPath("$.article.mentions").value(
                        Matchers.containsInAnyOrder(bob.username(), alice.username())));

        mvc.perform(put("/api/articles/{s}", slug).header("Authorization", alice.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"article":{"body":"hi @%s and @%s"}}""".formatted(bob.username().toUpperCase(), carol.username())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.article.mentions.length()").value(2));
        assertThat(texts(awaitCount(mvc, carol, 1))).containsExactly(alice.username() + " mentioned you in “Hello”");
        Inboxes.comment(mvc, carol, slug, "thanks @" + bob.username());
        var bobs = awaitCount(mvc, bob, 2);
        assertThat(texts(bobs)).containsExactly(carol.username() + " mentioned you in “Hello”",
                alice.username() + " mentioned you in “Hello”");
        mvc.perform(get("/api/articles/{s}/comments", slug)).andExpect(status().isOk())
                .andExpect(jsonPath("$.comments[0].mentions[0]").value(bob.username()));
        assertThat(Inboxes.list(mvc, alice)).extracting(n -> n.get("type")).containsExactly("comment");
    }

    @Test
    void atMostTenUsersPerText() throws Exception {
        var author = Api.signUp(mvc, "author");
        var people = new ArrayList<Api.SignedUp>();
        for (var i = 0; i < 11; i++) {
            people.add(Api.signUp(mvc, "m" + i));
        }
        var body = people.stream().map(p -> "@" + p.username()).collect(Collectors.joining(" "));
        var slug = Inboxes.publish(mvc, author, "Crowd", body);
        mvc.perform(get("/api/articles/{s}", slug)).andExpect(jsonPath("$.article.mentions.length()").value(10));
        awaitCount(mvc, people.get(9), 1);
        assertThat(Inboxes.list(mvc, people.get(10))).isEmpty();
    }
}
