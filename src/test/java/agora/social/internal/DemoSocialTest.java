package agora.social.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import agora.accounts.UserDirectory;
import agora.platform.DemoSeeding;
import agora.test.AgoraTest;
import agora.test.Api;

/** The demo content gives every demo user a feed, and alice a discovered post. */
@AgoraTest
class DemoSocialTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory directory;

    @Autowired
    PostRepository posts;

    @Autowired
    Posts publishing;

    @Autowired
    TagRepository tags;

    @Autowired
    FollowRepository follows;

    @Autowired
    FavoriteRepository favorites;

    @Autowired
    CommentRepository comments;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DemoSeeding seeding;

    @Autowired
    Clock clock;

    @Test
    void seedsFollowsPostsLikesAndComments() throws Exception {
        // The test database has no demo users; make them (tests never use these exact names otherwise).
        for (var name : List.of("alice", "bob", "carol", "dave")) {
            mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .content(Api.userJson(name, name + "@example.com", Api.PASSWORD))).andExpect(status().isCreated());
        }
        new DemoSocial(directory, posts, publishing, tags, follows, favorites, comments, events, transaction, seeding,
                clock).seed();

        for (var name : List.of("alice", "bob", "carol", "dave")) {
            var token = "Token " + Api.login(mvc, name + "@example.com", Api.PASSWORD);
            var feed = mvc.perform(get("/api/articles/feed").header("Authorization", token))
                    .andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<List<String>>read(feed, "$.articles[*].slug")).as(name).isNotEmpty();
            var ranked = mvc.perform(get("/api/feed?explain=true").header("Authorization", token))
                    .andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<List<String>>read(ranked, "$.articles[*].slug")).as(name).isNotEmpty();
            if (name.equals("alice")) {
                assertThat(JsonPath.<List<String>>read(ranked, "$.articles[?(@.explain.source == 'discovery')].slug"))
                        .containsExactlyInAnyOrder("lubing-linear-switches", "keyboard-build-log-a-walnut-case");
            }
        }
        var article = mvc.perform(get("/api/articles/street-photography-with-a-fifty-year-old-rangefinder"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(article, "$.article.favoritesCount")).isEqualTo(2);
        assertThat(JsonPath.<List<String>>read(article, "$.article.tagList")).containsExactly("cameras", "film",
                "photography");
    }
}
