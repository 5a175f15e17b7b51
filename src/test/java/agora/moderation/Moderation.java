package agora.moderation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import agora.test.Api;

/** Common moves of the moderation tests: admins, moderators, content to report, reports and actions. */
final class Moderation {

    private Moderation() {
    }

    /** A fresh admin, signed in again so the token carries the role. */
    static Api.SignedUp admin(MockMvc mvc, JdbcClient jdbc) throws Exception {
        var admin = Api.signUp(mvc, "admin");
        jdbc.sql("update users set role = 'ADMIN' where username = ?").param(admin.username()).update();
        return relogin(mvc, admin);
    }

    /** A fresh moderator, made one by an admin through the roles endpoint. */
    static Api.SignedUp moderator(MockMvc mvc, Api.SignedUp admin) throws Exception {
        var moderator = Api.signUp(mvc, "mod");
        mvc.perform(put("/api/admin/users/{u}/roles", moderator.username()).header("Authorization", admin.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"moderator\"]}"))
                .andExpect(status().isOk());
        return relogin(mvc, moderator);
    }

    static Api.SignedUp relogin(MockMvc mvc, Api.SignedUp user) throws Exception {
        return new Api.SignedUp(user.username(), user.email(), Api.login(mvc, user.email(), Api.PASSWORD));
    }

    /** Publishes a post and answers its slug. */
    static String publish(MockMvc mvc, Api.SignedUp author, String title) throws Exception {
        var body = mvc.perform(post("/api/articles").header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"article":{"title":"%s","description":"d","body":"b","tagList":[]}}""".formatted(title)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.article.slug");
    }

    /** Comments on a post and answers the comment's id. */
    static long comment(MockMvc mvc, Api.SignedUp author, String slug, String text) throws Exception {
        var body = mvc.perform(post("/api/articles/{s}/comments", slug).header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":{\"body\":\"" + text + "\"}}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.comment.id")).longValue();
    }

    static ResultActions report(MockMvc mvc, Api.SignedUp reporter, String kind, String subject, String reason,
            String text) throws Exception {
        return mvc.perform(post("/api/reports").header("Authorization", reporter.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(reportJson(kind, subject, reason, text)));
    }

    static String reportJson(String kind, String subject, String reason, String text) {
        return """
                {"report":{"kind":"%s","subject":"%s","reason":"%s"%s}}"""
                .formatted(kind, subject, reason, text == null ? "" : ",\"text\":\"" + text + "\"");
    }

    /** Files a report (201) and answers its id. */
    static long reported(MockMvc mvc, Api.SignedUp reporter, String kind, String subject, String reason)
            throws Exception {
        var body = report(mvc, reporter, kind, subject, reason, "see " + subject).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.report.id")).longValue();
    }

    /** POSTs a JSON body to an admin path as this user. */
    static ResultActions act(MockMvc mvc, Api.SignedUp user, String path, String json) throws Exception {
        return mvc.perform(post(path).header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static String because(String reason) {
        return "{\"reason\":\"" + reason + "\"}";
    }

    /** Every subject of the queue in this state (and kind, when not null), following the cursor to the end. */
    static List<Map<String, Object>> queue(MockMvc mvc, Api.SignedUp moderator, String state, String kind)
            throws Exception {
        var subjects = new ArrayList<Map<String, Object>>();
        String cursor = null;
        do {
            var request = get("/api/admin/reports").header("Authorization", moderator.authorization())
                    .param("state", state).param("limit", "7");
            if (kind != null) {
                request = request.param("kind", kind);
            }
            if (cursor != null) {
                request = request.param("cursor", cursor);
            }
            var body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            subjects.addAll(JsonPath.read(body, "$.subjects"));
            cursor = JsonPath.read(body, "$.nextCursor");
        } while (cursor != null);
        return subjects;
    }

    /** The queue's entry for this subject, if it is there. */
    static Map<String, Object> entry(List<Map<String, Object>> queue, String kind, String subject) {
        return queue.stream().filter(e -> e.get("kind").equals(kind) && e.get("subject").equals(subject)).findFirst()
                .orElse(null);
    }
}
