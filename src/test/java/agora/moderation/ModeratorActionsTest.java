package agora.moderation;

import static agora.moderation.Moderation.act;
import static agora.moderation.Moderation.because;
import static agora.moderation.Moderation.entry;
import static agora.moderation.Moderation.queue;
import static agora.moderation.Moderation.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import agora.catalog.Shop;
import agora.platform.Timestamps;
import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/** Each moderator action does what it says, answers its audit entry (who, what, why) and closes what it settles. */
@AgoraTest
class ModeratorActionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api.SignedUp admin;
    Api.SignedUp moderator;

    @BeforeEach
    void staff() throws Exception {
        admin = Moderation.admin(mvc, jdbc);
        moderator = Moderation.moderator(mvc, admin);
    }

    @Test
    void hidingAPostIsAuditedClosesItsReportsAndHidesItFromEveryoneButItsAuthor() throws Exception {
        var author = Api.signUp(mvc, "author");
        var reader = Api.signUp(mvc, "reader");
        var slug = Moderation.publish(mvc, author, "Hide me");
        reported(mvc, reader, "post", slug, "spam");
        reported(mvc, Api.signUp(mvc, "other"), "post", slug, "scam");

        act(mvc, moderator, "/api/admin/posts/" + slug + "/hide", because("link farm")).andExpect(status().isOk())
                .andExpect(jsonPath("$.entry.actor").value(moderator.username()))
                .andExpect(jsonPath("$.entry.action").value("hide")).andExpect(jsonPath("$.entry.kind").value("post"))
                .andExpect(jsonPath("$.entry.subject").value(slug))
                .andExpect(jsonPath("$.entry.reason").value("link farm"))
                .andExpect(jsonPath("$.entry.at").value(Timestamps.format(clock.instant())))
                .andExpect(jsonPath("$.reportsClosed").value(2));
        mvc.perform(get("/api/articles/{s}", slug).header("Authorization", reader.authorization()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/articles/{s}", slug).header("Authorization", author.authorization()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.article.hidden.reason").value("link farm"));
        assertThat(entry(queue(mvc, moderator, "open", "post"), "post", slug)).isNull();
        assertThat(entry(queue(mvc, moderator, "actioned", "post"), "post", slug)).containsEntry("reportCount", 2);

        // restoring is an action of its own: audited, and it closes nothing
        reported(mvc, reader, "post", slug, "spam");
        act(mvc, moderator, "/api/admin/posts/" + slug + "/restore", because("appeal upheld"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.entry.action").value("restore"))
                .andExpect(jsonPath("$.entry.reason").value("appeal upheld"))
                .andExpect(jsonPath("$.reportsClosed").value(0));
        mvc.perform(get("/api/articles/{s}", slug).header("Authorization", reader.authorization()))
                .andExpect(status().isOk());
        assertThat(entry(queue(mvc, moderator, "open", "post"), "post", slug)).containsEntry("reportCount", 1);
    }

    @Test
    void commentsAndProductsAreHiddenAndRestored() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var reader = Api.signUp(mvc, "reader");
        var slug = Moderation.publish(mvc, seller, "With a comment");
        var comment = Moderation.comment(mvc, seller, slug, "rude words");
        var product = Shop.product(mvc, seller, 900, "EUR", 2);

        act(mvc, moderator, "/api/admin/comments/" + comment + "/hide", because("rude"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.entry.kind").value("comment"))
                .andExpect(jsonPath("$.entry.subject").value(Long.toString(comment)));
        mvc.perform(get("/api/articles/{s}/comments", slug).header("Authorization", reader.authorization()))
                .andExpect(jsonPath("$.comments.length()").value(0));
        act(mvc, moderator, "/api/admin/comments/" + comment + "/restore", because("fine after all"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/articles/{s}/comments", slug).header("Authorization", reader.authorization()))
                .andExpect(jsonPath("$.comments.length()").value(1));

        act(mvc, moderator, "/api/admin/products/" + product + "/hide", because("counterfeit"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.entry.kind").value("product"));
        mvc.perform(get("/api/products/{p}", product).header("Authorization", reader.authorization()))
                .andExpect(status().isNotFound());
        act(mvc, moderator, "/api/admin/products/" + product + "/restore", because("genuine"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/products/{p}", product).header("Authorization", reader.authorization()))
                .andExpect(status().isOk());
    }

    @Test
    void actionsNeedAReasonAndASubjectThatExists() throws Exception {
        var slug = Moderation.publish(mvc, Api.signUp(mvc, "author"), "Needs a reason");
        for (var body : new String[] { "{}", "{\"reason\":\"  \"}", "{\"reason\":\"" + "r".repeat(501) + "\"}" }) {
            act(mvc, moderator, "/api/admin/posts/" + slug + "/hide", body).andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors.reason").isArray());
        }
        act(mvc, moderator, "/api/admin/posts/no-such-post/hide", because("x")).andExpect(status().isNotFound());
        act(mvc, moderator, "/api/admin/comments/999999999/hide", because("x")).andExpect(status().isNotFound());
        act(mvc, moderator, "/api/admin/comments/abc/hide", because("x")).andExpect(status().is4xxClientError());
        act(mvc, moderator, "/api/admin/products/prd_none/restore", because("x")).andExpect(status().isNotFound());
        act(mvc, moderator, "/api/admin/users/" + Api.uniqueName("nobody") + "/suspend", because("x"))
                .andExpect(status().isNotFound());
        act(mvc, moderator, "/api/admin/reports/999999999/dismiss", because("x")).andExpect(status().isNotFound());
        assertThat(auditEntriesOn(slug)).isZero();
    }

    @Test
    void aSuspensionIsAuditedRevokesTheSessionsAndIsLifted() throws Exception {
        var user = Api.signUp(mvc, "troll");
        var report = reported(mvc, Api.signUp(mvc, "victim"), "user", user.username(), "harassment");
        var until = clock.instant().plus(Duration.ofDays(7));
        act(mvc, moderator, "/api/admin/users/" + user.username() + "/suspend",
                "{\"until\":\"" + until + "\",\"reason\":\"harassment\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.entry.action").value("suspend"))
                .andExpect(jsonPath("$.entry.kind").value("user"))
                .andExpect(jsonPath("$.entry.detail").value("until " + Timestamps.format(until)))
                .andExpect(jsonPath("$.reportsClosed").value(1));
        assertThat(reportState(report)).isEqualTo("actioned");
        mvc.perform(get("/api/user").header("Authorization", user.authorization())).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/users/login").contentType(MediaType.APPLICATION_JSON)
                .content(Api.loginJson(user.email(), Api.PASSWORD))).andExpect(status().isForbidden());

        act(mvc, moderator, "/api/admin/users/" + user.username() + "/unsuspend", because("served"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.entry.action").value("unsuspend"));
        Api.login(mvc, user.email(), Api.PASSWORD);
        act(mvc, moderator, "/api/admin/users/" + user.username() + "/unsuspend", because("again"))
                .andExpect(status().isConflict());

        act(mvc, moderator, "/api/admin/users/" + user.username() + "/suspend", "{\"until\":null,\"reason\":\"fraud\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.entry.detail").value("for good"));
    }

    @Test
    void aSuspensionEndsInTheFutureAndNeverOnOneselfOrAnAdmin() throws Exception {
        var user = Api.signUp(mvc, "user");
        var path = "/api/admin/users/" + user.username() + "/suspend";
        act(mvc, moderator, path, "{\"until\":\"" + clock.instant().minusSeconds(1) + "\",\"reason\":\"x\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.until[0]").value("must be in the future"));
        act(mvc, moderator, path, "{\"until\":\"next tuesday\",\"reason\":\"x\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.until").isArray());
        act(mvc, moderator, path, "{\"until\":null}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.reason").isArray());
        act(mvc, moderator, "/api/admin/users/" + moderator.username() + "/suspend", "{\"reason\":\"x\"}")
                .andExpect(status().isUnprocessableContent());
        act(mvc, moderator, "/api/admin/users/" + admin.username() + "/suspend", "{\"reason\":\"x\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("moderators cannot suspend an admin: an admin loses the admin role first"));
        act(mvc, Moderation.admin(mvc, jdbc), "/api/admin/users/" + admin.username() + "/suspend", "{\"reason\":\"x\"}")
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/user").header("Authorization", admin.authorization())).andExpect(status().isOk());
        mvc.perform(get("/api/user").header("Authorization", user.authorization())).andExpect(status().isOk());
    }

    @Test
    void onlyAdminsChangeRolesAndEveryChangeIsAudited() throws Exception {
        var user = Api.signUp(mvc, "helper");
        var roles = "/api/admin/users/" + user.username() + "/roles";
        mvc.perform(put(roles).header("Authorization", moderator.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"moderator\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(roles).header("Authorization", admin.authorization()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"moderator\"],\"reason\":\"trusted member\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.user.username").value(user.username()))
                .andExpect(jsonPath("$.user.roles[0]").value("moderator"));
        mvc.perform(get(roles).header("Authorization", admin.authorization()))
                .andExpect(jsonPath("$.user.roles.length()").value(1));
        var helper = Moderation.relogin(mvc, user);
        mvc.perform(get("/api/admin/reports").header("Authorization", helper.authorization())).andExpect(status().isOk());
        mvc.perform(get("/api/admin/audit?subject=" + user.username()).header("Authorization", helper.authorization()))
                .andExpect(jsonPath("$.entries[0].action").value("roles"))
                .andExpect(jsonPath("$.entries[0].actor").value(admin.username()))
                .andExpect(jsonPath("$.entries[0].detail").value("moderator"))
                .andExpect(jsonPath("$.entries[0].reason").value("trusted member"));

        for (var body : new String[] { "{}", "{\"roles\":[\"owner\"]}", "{\"roles\":\"moderator\"}" }) {
            mvc.perform(put(roles).header("Authorization", admin.authorization())
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnprocessableContent());
        }
        mvc.perform(put("/api/admin/users/" + admin.username() + "/roles").header("Authorization", admin.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[]}"))
                .andExpect(status().isUnprocessableContent());

        mvc.perform(put(roles).header("Authorization", admin.authorization()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[]}")).andExpect(status().isOk()).andExpect(jsonPath("$.user.roles.length()").value(0));
        var demoted = Moderation.relogin(mvc, user);
        mvc.perform(get("/api/admin/reports").header("Authorization", demoted.authorization()))
                .andExpect(status().isForbidden());
    }

    private String reportState(long id) {
        return jdbc.sql("select state from reports where id = ?").param(id).query(String.class).single();
    }

    private long auditEntriesOn(String subject) {
        return jdbc.sql("select count(*) from audit_log where subject_id = ?").param(subject).query(Long.class).single();
    }
}
