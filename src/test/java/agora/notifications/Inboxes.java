package agora.notifications;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.test.Api;

/** Common moves of the notification tests: act through the API, then read (and wait for) an inbox. */
final class Inboxes {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Inboxes() {
    }

    /** The notifications of the user's first page, newest first, as JSON maps. */
    static List<Map<String, Object>> list(MockMvc mvc, Api.SignedUp user) throws Exception {
        var body = mvc.perform(get("/api/notifications").header("Authorization", user.authorization()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.notifications");
    }

    /** Waits until the user's first page satisfies the condition; answers it. */
    static List<Map<String, Object>> await(MockMvc mvc, Api.SignedUp user, Predicate<List<Map<String, Object>>> until) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> list(mvc, user), until);
    }

    /** Waits until the user has this many notifications. */
    static List<Map<String, Object>> awaitCount(MockMvc mvc, Api.SignedUp user, int count) {
        return await(mvc, user, list -> list.size() == count);
    }

    static List<String> texts(List<Map<String, Object>> notifications) {
        return notifications.stream().map(n -> (String) n.get("text")).toList();
    }

    static long unreadCount(MockMvc mvc, Api.SignedUp user) throws Exception {
        var body = mvc.perform(get("/api/notifications/unread-count").header("Authorization", user.authorization()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.unreadCount")).longValue();
    }

    static String publish(MockMvc mvc, Api.SignedUp author, String title, String body) throws Exception {
        var answer = mvc.perform(post("/api/articles").header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"article":{"title":"%s","description":"d","body":"%s","tagList":[]}}""".formatted(title, body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.article.slug");
    }

    static void like(MockMvc mvc, Api.SignedUp reader, String slug) throws Exception {
        mvc.perform(post("/api/articles/{s}/favorite", slug).header("Authorization", reader.authorization()))
                .andExpect(status().isOk());
    }

    static void unlike(MockMvc mvc, Api.SignedUp reader, String slug) throws Exception {
        mvc.perform(delete("/api/articles/{s}/favorite", slug).header("Authorization", reader.authorization()))
                .andExpect(status().isOk());
    }

    static void follow(MockMvc mvc, Api.SignedUp reader, Api.SignedUp user) throws Exception {
        mvc.perform(post("/api/profiles/{u}/follow", user.username()).header("Authorization", reader.authorization()))
                .andExpect(status().isOk());
    }

    static void unfollow(MockMvc mvc, Api.SignedUp reader, Api.SignedUp user) throws Exception {
        mvc.perform(delete("/api/profiles/{u}/follow", user.username()).header("Authorization", reader.authorization()))
                .andExpect(status().isOk());
    }

    static long comment(MockMvc mvc, Api.SignedUp reader, String slug, String text) throws Exception {
        var body = mvc.perform(post("/api/articles/{s}/comments", slug).header("Authorization", reader.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":{\"body\":\"" + text + "\"}}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.comment.id")).longValue();
    }

    static void deleteComment(MockMvc mvc, Api.SignedUp reader, String slug, long id) throws Exception {
        mvc.perform(delete("/api/articles/{s}/comments/{id}", slug, id).header("Authorization", reader.authorization()))
                .andExpect(status().is2xxSuccessful());
    }

    static void read(MockMvc mvc, Api.SignedUp user, String json) throws Exception {
        mvc.perform(post("/api/notifications/read").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk());
    }
}
