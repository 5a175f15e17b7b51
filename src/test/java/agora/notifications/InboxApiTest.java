package agora.notifications;

import static agora.notifications.Inboxes.awaitCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.test.AgoraTest;
import agora.test.Api;

/** Reading notifications: pages, the unread count, marking read, bad input, deleted accounts. */
@AgoraTest
class InboxApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** The author of five posts, each liked once by a different fan: five notifications. */
    record Liked(Api.SignedUp author, List<Api.SignedUp> fans) {
    }

    Liked fiveLikes() throws Exception {
        var author = Api.signUp(mvc, "author");
        var fans = new ArrayList<Api.SignedUp>();
        for (var i = 0; i < 5; i++) {
            var fan = Api.signUp(mvc, "fan");
            fans.add(fan);
            Inboxes.like(mvc, fan, Inboxes.publish(mvc, author, "Post " + i, "text"));
            awaitCount(mvc, author, i + 1); // one at a time, so the order is known
        }
        return new Liked(author, fans);
    }

    String page(Api.SignedUp user, String query) throws Exception {
        return mvc.perform(get("/api/notifications" + query).header("Authorization", user.authorization()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void pagesGoNewestFirstWithoutGapsOrRepeats() throws Exception {
        var author = fiveLikes().author();
        var first = page(author, "?limit=2");
        assertThat(JsonPath.<List<String>>read(first, "$.notifications[*].subject.title")).containsExactly("Post 4", "Post 3");
        String cursor = JsonPath.read(first, "$.nextCursor");
        var second = page(author, "?limit=2&cursor=" + cursor);
        assertThat(JsonPath.<List<String>>read(second, "$.notifications[*].subject.title")).containsExactly("Post 2", "Post 1");
        var third = page(author, "?limit=2&cursor=" + JsonPath.read(second, "$.nextCursor"));
        assertThat(JsonPath.<List<String>>read(third, "$.notifications[*].subject.title")).containsExactly("Post 0");
        assertThat((Object) JsonPath.read(third, "$.nextCursor")).isNull();
        assertThat(JsonPath.<List<Object>>read(page(author, ""), "$.notifications")).hasSize(5);
    }

    @Test
    void markingReadUpToOneMarksItAndTheOlderOnes() throws Exception {
        var author = fiveLikes().author();
        assertThat(Inboxes.unreadCount(mvc, author)).isEqualTo(5);
        var body = page(author, "");
        var third = ((Number) JsonPath.read(body, "$.notifications[2].id")).longValue();

        mvc.perform(post("/api/notifications/read").header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"upTo\":" + third + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.marked").value(3))
                .andExpect(jsonPath("$.unreadCount").value(2));
        assertThat(JsonPath.<List<Boolean>>read(page(author, ""), "$.notifications[*].read"))
                .containsExactly(false, false, true, true, true);

        Inboxes.read(mvc, author, "{}");
        assertThat(Inboxes.unreadCount(mvc, author)).isZero();
    }

    @Test
    void badInputIsA4xxInTheOneShape() throws Exception {
        var user = Api.signUp(mvc, "reader");
        var stranger = fiveLikes().author();
        for (var query : List.of("?limit=0", "?limit=101", "?limit=ten", "?cursor=nonsense", "?cursor=bjE6LTE")) {
            mvc.perform(get("/api/notifications" + query).header("Authorization", user.authorization()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors").isMap());
        }
        var theirs = ((Number) JsonPath.read(page(stranger, ""), "$.notifications[0].id")).longValue();
        mvc.perform(post("/api/notifications/read").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"upTo\":" + theirs + "}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/notifications/read").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"upTo\":\"x\"}"))
                .andExpect(status().is4xxClientError());
        assertThat(Inboxes.unreadCount(mvc, stranger)).isEqualTo(5);

        mvc.perform(get("/api/notifications")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/notifications/unread-count")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/notifications/read").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDeletedAccountLeavesEveryInbox() throws Exception {
        var liked = fiveLikes();
        var author = liked.author();
        var fan = liked.fans().getFirst();
        var other = liked.fans().get(1);
        var shared = Inboxes.publish(mvc, author, "Shared", "text");
        Inboxes.like(mvc, fan, shared);
        Inboxes.like(mvc, other, shared);
        Inboxes.await(mvc, author, list -> list.size() == 6 && (int) list.getFirst().get("actorCount") == 2);
        Inboxes.like(mvc, author, Inboxes.publish(mvc, fan, "Fan's own", "text"));
        awaitCount(mvc, fan, 1);
        var fanId = jdbc.sql("select id from users where username = ?").param(fan.username()).query(Long.class).single();

        mvc.perform(delete("/api/user").header("Authorization", fan.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + Api.PASSWORD + "\"}"))
                .andExpect(status().isNoContent());

        var left = awaitCount(mvc, author, 5);
        assertThat(left).noneMatch(n -> n.toString().contains(fan.username()));
        assertThat(left.getFirst()).containsEntry("actorCount", 1)
                .containsEntry("text", other.username() + " liked your post “Shared”");
        assertThat(jdbc.sql("select count(*) from notifications where recipient_id = ?").param(fanId)
                .query(Long.class).single()).isZero();
    }
}
