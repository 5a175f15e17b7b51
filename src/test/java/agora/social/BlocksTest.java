package agora.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import agora.accounts.UserDirectory;
import agora.test.AgoraTest;
import agora.test.Api;

/** Blocking, from both sides: the blocker and the blocked user. */
@AgoraTest
class BlocksTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Relationships relationships;

    @Autowired
    UserDirectory directory;

    private MockHttpServletRequestBuilder as(Api.SignedUp user, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", user.authorization());
    }

    private void block(Api.SignedUp blocker, Api.SignedUp blocked) throws Exception {
        mvc.perform(as(blocker, post("/api/profiles/{u}/block", blocked.username())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.username").value(blocked.username()))
                .andExpect(jsonPath("$.profile.blocking").value(true))
                .andExpect(jsonPath("$.profile.following").value(false));
    }

    private long id(Api.SignedUp user) {
        return directory.findByUsername(user.username()).orElseThrow().id();
    }

    @Test
    void blockingRemovesFollowsEitherWayAndNeitherCanFollowAgain() throws Exception {
        var blocker = Api.signUp(mvc, "blocker");
        var blocked = Api.signUp(mvc, "blocked");
        SocialApi.follow(mvc, blocker, blocked);
        SocialApi.follow(mvc, blocked, blocker);
        block(blocker, blocked);

        assertThat(relationships.blockedEitherWay(id(blocker), id(blocked))).isTrue();
        assertThat(relationships.blockedEitherWay(id(blocked), id(blocker))).isTrue();
        assertThat(relationships.filterFor(id(blocked)).blockedUsers()).containsExactly(id(blocker));
        // the blocker sees the profile, flagged; following it again is refused
        mvc.perform(as(blocker, get("/api/profiles/{u}", blocked.username())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.following").value(false))
                .andExpect(jsonPath("$.profile.blocking").value(true))
                .andExpect(jsonPath("$.profile.muting").value(false));
        mvc.perform(as(blocker, post("/api/profiles/{u}/follow", blocked.username())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // to the blocked user the blocker does not exist
        mvc.perform(as(blocked, get("/api/profiles/{u}", blocker.username())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors.body[0]").value("profile not found"));
        mvc.perform(as(blocked, post("/api/profiles/{u}/follow", blocker.username()))).andExpect(status().isNotFound());
        mvc.perform(as(blocked, post("/api/profiles/{u}/block", blocker.username()))).andExpect(status().isNotFound());
        // anyone else still sees both, and nobody follows anybody any more
        mvc.perform(get("/api/profiles/{u}", blocker.username())).andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.blocking").doesNotExist());
        mvc.perform(as(blocked, get("/api/profiles/{u}", blocked.username())))
                .andExpect(jsonPath("$.profile.blocking").doesNotExist());

        mvc.perform(as(blocker, delete("/api/profiles/{u}/block", blocked.username())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.blocking").value(false));
        mvc.perform(as(blocked, get("/api/profiles/{u}", blocker.username()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.following").value(false));
        SocialApi.follow(mvc, blocked, blocker);
    }

    @Test
    void neitherCanLikeOrCommentOnTheOthersPosts() throws Exception {
        var blocker = Api.signUp(mvc, "blocker");
        var blocked = Api.signUp(mvc, "blocked");
        var blockersPost = SocialApi.publish(mvc, blocker, "Blocker writes");
        var blockedsPost = SocialApi.publish(mvc, blocked, "Blocked writes");
        SocialApi.comment(mvc, blocked, blockersPost, "before the block");
        block(blocker, blocked);

        // the blocked user: the blocker's post is gone (404), so are likes and comments on it
        mvc.perform(as(blocked, get("/api/articles/{s}", blockersPost))).andExpect(status().isNotFound());
        mvc.perform(as(blocked, post("/api/articles/{s}/favorite", blockersPost))).andExpect(status().isNotFound());
        mvc.perform(as(blocked, post("/api/articles/{s}/comments", blockersPost)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":{\"body\":\"hello?\"}}")).andExpect(status().isNotFound());
        mvc.perform(as(blocked, get("/api/articles/{s}/comments", blockersPost))).andExpect(status().isNotFound());
        // the blocker sees the blocked user's post, but may not respond to it (403: they know)
        mvc.perform(as(blocker, get("/api/articles/{s}", blockedsPost))).andExpect(status().isOk());
        mvc.perform(as(blocker, post("/api/articles/{s}/favorite", blockedsPost))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(as(blocker, post("/api/articles/{s}/comments", blockedsPost)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":{\"body\":\"no\"}}")).andExpect(status().isForbidden());
        // the blocked user's earlier comment leaves the blocker's view of their own post; others still see it
        mvc.perform(as(blocker, get("/api/articles/{s}/comments", blockersPost)))
                .andExpect(jsonPath("$.comments.length()").value(0));
        mvc.perform(get("/api/articles/{s}/comments", blockersPost)).andExpect(jsonPath("$.comments.length()").value(1));
        // anonymous readers see both posts
        mvc.perform(get("/api/articles/{s}", blockersPost)).andExpect(status().isOk());
        // neither can mention the other (no mention, no notification), elsewhere either
        var thirdParty = SocialApi.publish(mvc, Api.signUp(mvc, "third"), "Anyone's post");
        mvc.perform(as(blocked, post("/api/articles/{s}/comments", thirdParty)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":{\"body\":\"hey @" + blocker.username() + "\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.comment.mentions.length()").value(0));
    }

    @Test
    void eachDisappearsFromTheOthersListsAndFeeds() throws Exception {
        var blocker = Api.signUp(mvc, "blocker");
        var blocked = Api.signUp(mvc, "blocked");
        var tag = Api.uniqueName("blocktag");
        var blockersPost = SocialApi.publish(mvc, blocker, "From the blocker", tag);
        var blockedsPost = SocialApi.publish(mvc, blocked, "From the blocked", tag);
        SocialApi.follow(mvc, blocker, blocked);
        SocialApi.follow(mvc, blocked, blocker);
        SocialApi.like(mvc, blocker, blockersPost);
        SocialApi.like(mvc, blocker, blockedsPost);
        assertThat(SocialApi.slugs(mvc, blocker, "/api/articles/feed")).contains(blockedsPost);
        assertThat(SocialApi.slugs(mvc, blocker, "/api/feed")).contains(blockedsPost);
        block(blocker, blocked);

        for (var url : List.of("/api/articles?tag=" + tag, "/api/articles?limit=100",
                "/api/articles?favorited=" + blocker.username(), "/api/articles?author=" + blocked.username(),
                "/api/articles/feed", "/api/feed")) {
            assertThat(SocialApi.slugs(mvc, blocker, url)).as(url).doesNotContain(blockedsPost);
        }
        for (var url : List.of("/api/articles?tag=" + tag, "/api/articles?limit=100",
                "/api/articles?author=" + blocker.username(), "/api/articles/feed", "/api/feed")) {
            assertThat(SocialApi.slugs(mvc, blocked, url)).as(url).doesNotContain(blockersPost);
        }
        assertThat(SocialApi.slugs(mvc, blocker, "/api/articles?tag=" + tag)).containsExactly(blockersPost);
        assertThat(SocialApi.slugs(mvc, blocked, "/api/articles?tag=" + tag)).containsExactly(blockedsPost);
        assertThat(SocialApi.slugs(mvc, null, "/api/articles?tag=" + tag)).containsExactlyInAnyOrder(blockersPost,
                blockedsPost);
    }

    @Test
    void listsTheBlockedUsersNewestFirstWithPaging() throws Exception {
        var blocker = Api.signUp(mvc, "blocker");
        var first = Api.signUp(mvc, "first");
        var second = Api.signUp(mvc, "second");
        block(blocker, first);
        block(blocker, second);
        block(blocker, second); // twice is once
        var body = mvc.perform(as(blocker, get("/api/user/blocks"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.profilesCount").value(2)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.profiles[*].username")).containsExactly(second.username(),
                first.username());
        mvc.perform(as(blocker, get("/api/user/blocks?limit=1&offset=1")))
                .andExpect(jsonPath("$.profiles[0].username").value(first.username()))
                .andExpect(jsonPath("$.profiles.length()").value(1));
        mvc.perform(as(first, get("/api/user/blocks"))).andExpect(jsonPath("$.profilesCount").value(0));
    }

    @Test
    void refusesBadRequests() throws Exception {
        var user = Api.signUp(mvc, "picky");
        mvc.perform(post("/api/profiles/{u}/block", user.username())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/user/blocks")).andExpect(status().isUnauthorized());
        mvc.perform(as(user, post("/api/profiles/no-such-user-xyz/block"))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(as(user, delete("/api/profiles/no-such-user-xyz/block"))).andExpect(status().isNotFound());
        mvc.perform(as(user, post("/api/profiles/{u}/block", user.username())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.username[0]").value(Matchers.containsString("yourself")));
        mvc.perform(as(user, get("/api/user/blocks?limit=0"))).andExpect(status().isUnprocessableContent());
        mvc.perform(as(user, get("/api/user/blocks?limit=abc"))).andExpect(status().is4xxClientError());
        mvc.perform(as(user, get("/api/user/blocks?offset=-1"))).andExpect(status().isUnprocessableContent());
    }
}
