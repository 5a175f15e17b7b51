package agora.moderation;

import static agora.moderation.Moderation.act;
import static agora.moderation.Moderation.because;
import static agora.moderation.Moderation.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.test.AgoraTest;
import agora.test.Api;

/** Reporters hear what became of their reports, whether a moderator acted or dismissed them. */
@AgoraTest
class ReportOutcomesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api.SignedUp moderator;

    @BeforeEach
    void moderator() throws Exception {
        moderator = Moderation.moderator(mvc, Moderation.admin(mvc, jdbc));
    }

    @Test
    void reportersHearThatThePostWasRemoved() throws Exception {
        var slug = Moderation.publish(mvc, Api.signUp(mvc, "author"), "Removed soon");
        var reporter = Api.signUp(mvc, "reporter");
        reported(mvc, reporter, "post", slug, "spam");
        act(mvc, moderator, "/api/admin/posts/" + slug + "/hide", because("spam")).andExpect(status().isOk());

        var notification = awaitOne(reporter);
        assertThat(notification.get("type")).isEqualTo("report_outcome");
        assertThat(notification.get("text")).isEqualTo("Your report on the post “" + slug + "” was reviewed: it was removed");
        assertThat(notification.get("actors")).isEqualTo(List.of());
        assertThat(notification.get("subject")).isEqualTo(Map.of("kind", "post", "id", slug, "title", slug));
    }

    @Test
    void dismissingClosesEveryOpenReportOnTheSubjectAndTellsEachReporter() throws Exception {
        var user = Api.signUp(mvc, "accused");
        var first = Api.signUp(mvc, "first");
        var second = Api.signUp(mvc, "second");
        var report = reported(mvc, first, "user", user.username(), "scam");
        reported(mvc, second, "user", user.username(), "spam");

        act(mvc, moderator, "/api/admin/reports/" + report + "/dismiss", because("no evidence"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.entry.action").value("dismiss"))
                .andExpect(jsonPath("$.entry.subject").value(user.username()))
                .andExpect(jsonPath("$.entry.reason").value("no evidence"))
                .andExpect(jsonPath("$.reportsClosed").value(2));
        for (var reporter : List.of(first, second)) {
            assertThat(awaitOne(reporter).get("text"))
                    .isEqualTo("Your report on the user “" + user.username() + "” was reviewed: no action was taken");
        }
        act(mvc, moderator, "/api/admin/reports/" + report + "/dismiss", because("again"))
                .andExpect(status().isConflict());
        // the reporter may report again once their report is closed
        reported(mvc, first, "user", user.username(), "scam");
    }

    @Test
    void reportersOfASuspendedUserAndOfAHiddenCommentHearSo() throws Exception {
        var user = Api.signUp(mvc, "spammer");
        var slug = Moderation.publish(mvc, Api.signUp(mvc, "author"), "Commented");
        var comment = Moderation.comment(mvc, user, slug, "buy now");
        var reporter = Api.signUp(mvc, "reporter");
        reported(mvc, reporter, "comment", Long.toString(comment), "spam");
        act(mvc, moderator, "/api/admin/comments/" + comment + "/hide", because("spam")).andExpect(status().isOk());
        assertThat(awaitOne(reporter).get("text")).isEqualTo("Your report on a comment was reviewed: it was removed");

        var other = Api.signUp(mvc, "other");
        reported(mvc, other, "user", user.username(), "spam");
        act(mvc, moderator, "/api/admin/users/" + user.username() + "/suspend", "{\"reason\":\"spam\"}")
                .andExpect(status().isOk());
        assertThat(awaitOne(other).get("text"))
                .isEqualTo("Your report on the user “" + user.username() + "” was reviewed: the account was suspended");
    }

    private Map<String, Object> awaitOne(Api.SignedUp user) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> notifications(user), list -> list.size() == 1).getFirst();
    }

    private List<Map<String, Object>> notifications(Api.SignedUp user) throws Exception {
        var body = mvc.perform(get("/api/notifications").header("Authorization", user.authorization()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.notifications");
    }
}
