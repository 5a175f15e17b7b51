package agora.moderation;

import static agora.moderation.Moderation.act;
import static agora.moderation.Moderation.because;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/** The audit log: newest first, filtered by actor and subject, paged, and nothing ever changes or removes an entry. */
@AgoraTest
class AuditLogTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api.SignedUp moderator;

    @BeforeEach
    void moderator() throws Exception {
        moderator = Moderation.moderator(mvc, Moderation.admin(mvc, jdbc));
    }

    @Test
    void entriesStayAsTheyWereWhateverHappensLater() throws Exception {
        var slug = Moderation.publish(mvc, Api.signUp(mvc, "author"), "Audited");
        act(mvc, moderator, "/api/admin/posts/" + slug + "/hide", because("first look")).andExpect(status().isOk());
        var before = entries("subject=" + slug);
        assertThat(before).hasSize(1);

        clock.advance(Duration.ofMinutes(5));
        act(mvc, moderator, "/api/admin/posts/" + slug + "/restore", because("second look")).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(5));
        act(mvc, moderator, "/api/admin/posts/" + slug + "/hide", because("third look")).andExpect(status().isOk());

        var after = entries("subject=" + slug);
        assertThat(after).extracting(e -> e.get("action")).containsExactly("hide", "restore", "hide");
        assertThat(after).extracting(e -> e.get("reason")).containsExactly("third look", "second look", "first look");
        assertThat(after.getLast()).isEqualTo(before.getFirst());
    }

    @Test
    void noRequestChangesOrRemovesAnEntry() throws Exception {
        var slug = Moderation.publish(mvc, Api.signUp(mvc, "author"), "Untouchable");
        act(mvc, moderator, "/api/admin/posts/" + slug + "/hide", because("kept forever")).andExpect(status().isOk());
        var entry = entries("subject=" + slug).getFirst();
        var id = entry.get("id");
        var admin = Moderation.admin(mvc, jdbc);
        for (var token : List.of(moderator.authorization(), admin.authorization())) {
            for (var request : List.of(put("/api/admin/audit"), delete("/api/admin/audit"), patch("/api/admin/audit"),
                    post("/api/admin/audit"))) {
                assertThat(statusOf(request, token)).isEqualTo(405);
            }
            for (var request : List.of(put("/api/admin/audit/" + id), delete("/api/admin/audit/" + id),
                    patch("/api/admin/audit/" + id), get("/api/admin/audit/" + id))) {
                assertThat(statusOf(request, token)).isEqualTo(404);
            }
        }
        assertThat(entries("subject=" + slug)).containsExactly(entry);
    }

    @Test
    void theLogFiltersByActorAndSubjectAndPagesNewestFirst() throws Exception {
        var other = Moderation.moderator(mvc, Moderation.admin(mvc, jdbc));
        var author = Api.signUp(mvc, "author");
        var slugs = new ArrayList<String>();
        for (var i = 0; i < 5; i++) {
            var slug = Moderation.publish(mvc, author, "Paged " + i);
            slugs.add(slug);
            act(mvc, moderator, "/api/admin/posts/" + slug + "/hide", because("reason " + i)).andExpect(status().isOk());
        }
        act(mvc, other, "/api/admin/posts/" + slugs.getFirst() + "/restore", because("other's view"))
                .andExpect(status().isOk());

        var mine = new ArrayList<Map<String, Object>>();
        String cursor = null;
        var pages = 0;
        do {
            var body = mvc.perform(get("/api/admin/audit").header("Authorization", moderator.authorization())
                    .param("actor", moderator.username()).param("limit", "2")
                    .param("cursor", cursor)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            mine.addAll(JsonPath.read(body, "$.entries"));
            cursor = JsonPath.read(body, "$.nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(mine).extracting(e -> e.get("reason"))
                .containsExactly("reason 4", "reason 3", "reason 2", "reason 1", "reason 0");
        assertThat(mine).allMatch(e -> e.get("actor").equals(moderator.username()));
        assertThat(entries("actor=" + other.username())).extracting(e -> e.get("reason")).containsExactly("other's view");
        assertThat(entries("actor=" + Api.uniqueName("nobody"))).isEmpty();
        for (var query : new String[] { "limit=0", "limit=101", "cursor=abc", "cursor=-4" }) {
            mvc.perform(get("/api/admin/audit?" + query).header("Authorization", moderator.authorization()))
                    .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors").isMap());
        }
    }

    private int statusOf(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"rewritten\"}")).andReturn().getResponse().getStatus();
    }

    private List<Map<String, Object>> entries(String query) throws Exception {
        var body = mvc.perform(get("/api/admin/audit?" + query).header("Authorization", moderator.authorization()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.entries");
    }
}
