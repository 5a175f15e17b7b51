package agora.moderation;

import static agora.moderation.Moderation.report;
import static agora.moderation.Moderation.reportJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.catalog.Shop;
import agora.test.AgoraTest;
import agora.test.Api;

/** Filing reports: what a valid one is, on what, by whom, and one open report per reporter and subject. */
@AgoraTest
class ReportsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReportOnEachKindOfSubjectIsFiledOpen() throws Exception {
        var author = Shop.seller(mvc, "author");
        var reporter = Api.signUp(mvc, "reporter");
        var slug = Moderation.publish(mvc, author, "Buy followers now");
        var comment = Moderation.comment(mvc, author, slug, "cheap followers");
        var product = Shop.product(mvc, author, 1000, "EUR", 3);
        report(mvc, reporter, "post", slug, "spam", "  sells followers  ").andExpect(status().isCreated())
                .andExpect(jsonPath("$.report.kind").value("post")).andExpect(jsonPath("$.report.subject").value(slug))
                .andExpect(jsonPath("$.report.reason").value("spam"))
                .andExpect(jsonPath("$.report.text").value("sells followers"))
                .andExpect(jsonPath("$.report.state").value("open"))
                .andExpect(jsonPath("$.report.createdAt").isString());
        report(mvc, reporter, "comment", Long.toString(comment), "spam", null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.report.subject").value(Long.toString(comment)))
                .andExpect(jsonPath("$.report.text").doesNotExist());
        report(mvc, reporter, "product", product, "scam", null).andExpect(status().isCreated());
        // usernames ignore case; the report names the user as registered
        report(mvc, reporter, "user", author.username().toUpperCase(), "harassment", null)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.report.subject").value(author.username()));
    }

    @Test
    void badReportsAreRefusedWithEveryFieldsProblem() throws Exception {
        var reporter = Api.signUp(mvc, "reporter");
        report(mvc, reporter, "song", "", "boring", null).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.kind[0]").value("must be one of post, comment, product, user"))
                .andExpect(jsonPath("$.errors.subject[0]").value("is required"))
                .andExpect(jsonPath("$.errors.reason[0]").value(
                        "must be one of spam, harassment, hate, violence, sexual, scam, illegal, other"));
        report(mvc, reporter, "user", reporter.username(), "other", null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.text[0]").value("is required when the reason is other"));
        report(mvc, reporter, "user", "someone", "spam", "x".repeat(1001)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.text[0]").value("is too long (at most 1000 characters)"));
        report(mvc, reporter, "user", "u".repeat(201), "spam", null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.subject").isArray());
        for (var body : new String[] { "{}", "{\"report\":null}", "{\"report\":{\"kind\":1}}", "{\"report\":[]}",
                "{\"report\":{\"kind\":\"user\",\"subject\":\"x\",\"reason\":\"spam\",\"extra\":1}}", "{" }) {
            mvc.perform(post("/api/reports").header("Authorization", reporter.authorization())
                    .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().is4xxClientError())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON)
                .content(reportJson("user", reporter.username(), "spam", null))).andExpect(status().isUnauthorized());
    }

    @Test
    void aSubjectThatDoesNotExistIsNotFound() throws Exception {
        var reporter = Api.signUp(mvc, "reporter");
        report(mvc, reporter, "post", "no-such-post-" + Api.uniqueName("x"), "spam", null)
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.errors.body[0]").value("post not found"));
        report(mvc, reporter, "comment", "999999999", "spam", null).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors.body[0]").value("comment not found"));
        report(mvc, reporter, "comment", "not-a-number", "spam", null).andExpect(status().isNotFound());
        report(mvc, reporter, "product", "prd_nothing", "spam", null).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors.body[0]").value("product not found"));
        report(mvc, reporter, "user", Api.uniqueName("nobody"), "spam", null).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors.body[0]").value("user not found"));
    }

    @Test
    void nobodyReportsThemselfOrWhatTheyOwn() throws Exception {
        var author = Shop.seller(mvc, "author");
        var slug = Moderation.publish(mvc, author, "My own post");
        var comment = Moderation.comment(mvc, author, slug, "my own comment");
        var product = Shop.product(mvc, author, 500, "EUR", 1);
        report(mvc, author, "user", author.username(), "spam", null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.subject[0]").value("you cannot report yourself"));
        report(mvc, author, "post", slug, "spam", null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.subject[0]").value("you cannot report your own post"));
        report(mvc, author, "comment", Long.toString(comment), "spam", null)
                .andExpect(status().isUnprocessableContent());
        report(mvc, author, "product", product, "spam", null).andExpect(status().isUnprocessableContent());
        assertThat(openReportsBy(author)).isZero();
    }

    @Test
    void aSecondReportOnTheSameSubjectAnswersTheOpenOneUnchanged() throws Exception {
        var author = Api.signUp(mvc, "author");
        var reporter = Api.signUp(mvc, "reporter");
        var slug = Moderation.publish(mvc, author, "Twice reported");
        var first = report(mvc, reporter, "post", slug, "spam", "first").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        report(mvc, reporter, "post", slug, "hate", "second").andExpect(status().isOk())
                .andExpect(jsonPath("$.report.id").value((Integer) JsonPath.read(first, "$.report.id")))
                .andExpect(jsonPath("$.report.reason").value("spam"))
                .andExpect(jsonPath("$.report.text").value("first"));
        // someone else's report on the same subject is a report of its own
        report(mvc, Api.signUp(mvc, "other"), "post", slug, "hate", null).andExpect(status().isCreated());
        assertThat(openReportsBy(reporter)).isOne();
    }

    @Test
    void twoReportsAtOnceMakeOneOpenReport() throws Exception {
        var author = Api.signUp(mvc, "author");
        var reporter = Api.signUp(mvc, "reporter");
        var slug = Moderation.publish(mvc, author, "Raced report");
        for (var round = 0; round < 5; round++) {
            var subject = round == 0 ? slug : Moderation.publish(mvc, author, "Raced report " + round);
            var start = new CountDownLatch(1);
            var statuses = new ArrayList<Future<Integer>>();
            try (var pool = Executors.newFixedThreadPool(2)) {
                for (var i = 0; i < 2; i++) {
                    statuses.add(pool.submit(() -> {
                        start.await();
                        return report(mvc, reporter, "post", subject, "spam", null).andReturn().getResponse()
                                .getStatus();
                    }));
                }
                start.countDown();
                var answers = new ArrayList<Integer>();
                for (var status : statuses) {
                    answers.add(status.get());
                }
                assertThat(answers).containsExactlyInAnyOrder(201, 200);
            }
        }
        assertThat(openReportsBy(reporter)).isEqualTo(5);
    }

    @Test
    void aDeletedReportersWordsGoButTheReportStays() throws Exception {
        var reporter = Api.signUp(mvc, "reporter");
        var reported = Api.signUp(mvc, "reported");
        var id = ((Number) JsonPath.read(report(mvc, reporter, "user", reported.username(), "harassment", "my words")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.report.id"))
                .longValue();
        mvc.perform(delete("/api/user").header("Authorization", reporter.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + Api.PASSWORD + "\"}"))
                .andExpect(status().is2xxSuccessful());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from reports where id = ? and text is null").param(id).query(Long.class).single() == 1);
    }

    private long openReportsBy(Api.SignedUp user) {
        return jdbc.sql("select count(*) from reports r join users u on u.id = r.reporter_id "
                + "where u.username = ? and r.state = 'open'").param(user.username()).query(Long.class).single();
    }
}
