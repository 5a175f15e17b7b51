package agora.moderation;

import static agora.moderation.Moderation.entry;
import static agora.moderation.Moderation.queue;
import static agora.moderation.Moderation.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/** The moderators' queue: reports grouped by subject with their counts, filtered by state and kind, in pages. */
@AgoraTest
class ReportQueueTest {

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
    void reportsOnOneSubjectAreOneEntryWithTheirCountsReasonsAndReporters() throws Exception {
        var author = Api.signUp(mvc, "author");
        var slug = Moderation.publish(mvc, author, "Grouped");
        var first = Api.signUp(mvc, "first");
        var second = Api.signUp(mvc, "second");
        var third = Api.signUp(mvc, "third");
        reported(mvc, first, "post", slug, "spam");
        clock.advance(Duration.ofSeconds(1));
        reported(mvc, second, "post", slug, "spam");
        clock.advance(Duration.ofSeconds(1));
        Moderation.report(mvc, third, "post", slug, "hate", "slurs in the title").andExpect(status().isCreated());

        var entry = entry(queue(mvc, moderator, "open", "post"), "post", slug);
        assertThat(entry).isNotNull();
        assertThat(entry.get("owner")).isEqualTo(author.username());
        assertThat(entry.get("reportCount")).isEqualTo(3);
        assertThat(entry.get("reasons")).isEqualTo(Map.of("spam", 2, "hate", 1));
        assertThat((String) entry.get("oldestReport")).isLessThan((String) entry.get("newestReport"));
        @SuppressWarnings("unchecked")
        var reports = (List<Map<String, Object>>) entry.get("reports");
        assertThat(reports).extracting(r -> r.get("reporter"))
                .containsExactly(third.username(), second.username(), first.username());
        assertThat(reports.getFirst().get("text")).isEqualTo("slurs in the title");
        assertThat(reports.getFirst().get("reason")).isEqualTo("hate");
    }

    @Test
    void theOpenQueueStartsWithTheSubjectWaitingLongest() throws Exception {
        var author = Api.signUp(mvc, "author");
        var reporter = Api.signUp(mvc, "reporter");
        var older = Moderation.publish(mvc, author, "Waiting long");
        var newer = Moderation.publish(mvc, author, "Just reported");
        reported(mvc, reporter, "post", older, "spam");
        clock.advance(Duration.ofMinutes(1));
        reported(mvc, reporter, "post", newer, "spam");
        clock.advance(Duration.ofMinutes(1));
        // a new report on the older subject does not move it back
        reported(mvc, Api.signUp(mvc, "late"), "post", older, "spam");

        var subjects = queue(mvc, moderator, "open", null).stream().map(e -> e.get("subject")).toList();
        assertThat(subjects).contains(older, newer);
        assertThat(subjects.indexOf(older)).isLessThan(subjects.indexOf(newer));
        assertThat(subjects).doesNotHaveDuplicates();
    }

    @Test
    void theQueueFiltersByKindAndState() throws Exception {
        var author = Api.signUp(mvc, "author");
        var reporter = Api.signUp(mvc, "reporter");
        var slug = Moderation.publish(mvc, author, "Filtered");
        reported(mvc, reporter, "post", slug, "spam");
        var report = reported(mvc, reporter, "user", author.username(), "scam");

        var users = queue(mvc, moderator, "open", "user");
        assertThat(users).allMatch(e -> e.get("kind").equals("user"));
        assertThat(entry(users, "user", author.username())).isNotNull();
        assertThat(entry(users, "post", slug)).isNull();

        Moderation.act(mvc, moderator, "/api/admin/reports/" + report + "/dismiss", Moderation.because("not a scam"))
                .andExpect(status().isOk());
        assertThat(entry(queue(mvc, moderator, "open", "user"), "user", author.username())).isNull();
        var dismissed = entry(queue(mvc, moderator, "dismissed", "user"), "user", author.username());
        assertThat(dismissed).isNotNull();
        assertThat(dismissed.get("reportCount")).isEqualTo(1);
        assertThat(entry(queue(mvc, moderator, "actioned", null), "user", author.username())).isNull();
        assertThat(entry(queue(mvc, moderator, "open", null), "post", slug)).isNotNull();
    }

    @Test
    void badQueryParametersAreRefused() throws Exception {
        for (var query : new String[] { "state=closed", "kind=song", "limit=0", "limit=101", "limit=x",
                "cursor=bm90IG91cnM" }) {
            mvc.perform(get("/api/admin/reports?" + query).header("Authorization", moderator.authorization()))
                    .andExpect(status().is4xxClientError()).andExpect(jsonPath("$.status").isNumber());
        }
    }
}
