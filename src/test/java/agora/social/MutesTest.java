package agora.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import agora.test.AgoraTest;
import agora.test.Api;

/** Muting users and tags: gone from the muter's feeds, nothing else changes, and the muted user cannot tell. */
@AgoraTest
class MutesTest {

    @Autowired
    MockMvc mvc;

    private MockHttpServletRequestBuilder as(Api.SignedUp user, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", user.authorization());
    }

    @Test
    void aMutedUserLeavesBothFeedsButNotTheirProfileOrTheLists() throws Exception {
        var reader = Api.signUp(mvc, "reader");
        var loud = Api.signUp(mvc, "loud");
        var quiet = Api.signUp(mvc, "quiet");
        SocialApi.follow(mvc, reader, loud);
        SocialApi.follow(mvc, reader, quiet);
        var loudPost = SocialApi.publish(mvc, loud, "Loud news");
        var quietPost = SocialApi.publish(mvc, quiet, "Quiet news");

        mvc.perform(as(reader, post("/api/profiles/{u}/mute", loud.username()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.muting").value(true))
                .andExpect(jsonPath("$.profile.following").value(true));

        for (var feed : List.of("/api/articles/feed", "/api/feed")) {
            assertThat(SocialApi.slugs(mvc, reader, feed)).as(feed).contains(quietPost).doesNotContain(loudPost);
        }
        assertThat(SocialApi.slugs(mvc, reader, "/api/articles?author=" + loud.username())).containsExactly(loudPost);
        mvc.perform(as(reader, get("/api/articles/{s}", loudPost))).andExpect(status().isOk());
        // the muted user sees nothing of it: no flag on either profile, their posts open to the muter as ever
        mvc.perform(as(loud, get("/api/profiles/{u}", reader.username()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.muting").value(false))
                .andExpect(jsonPath("$.profile.blocking").value(false));
        SocialApi.like(mvc, reader, loudPost);
        SocialApi.comment(mvc, loud, SocialApi.publish(mvc, reader, "Reader writes"), "still allowed");

        mvc.perform(as(reader, get("/api/user/mutes"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.profiles[*].username").value(Matchers.contains(loud.username())));
        mvc.perform(as(reader, delete("/api/profiles/{u}/mute", loud.username()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.muting").value(false));
        assertThat(SocialApi.slugs(mvc, reader, "/api/articles/feed")).contains(loudPost, quietPost);
    }

    @Test
    void aMutedTagLeavesBothFeedsButNotTheTagList() throws Exception {
        var reader = Api.signUp(mvc, "reader");
        var author = Api.signUp(mvc, "author");
        var tag = Api.uniqueName("spoilers");
        SocialApi.follow(mvc, reader, author);
        var spoiler = SocialApi.publish(mvc, author, "The ending", tag, "films");
        var plain = SocialApi.publish(mvc, author, "The trailer", "films");

        mvc.perform(as(reader, post("/api/tags/{t}/mute", tag.toUpperCase()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.tag.name").value(tag))
                .andExpect(jsonPath("$.tag.muting").value(true));
        for (var feed : List.of("/api/articles/feed", "/api/feed")) {
            assertThat(SocialApi.slugs(mvc, reader, feed)).as(feed).contains(plain).doesNotContain(spoiler);
        }
        assertThat(SocialApi.slugs(mvc, reader, "/api/articles?tag=" + tag)).containsExactly(spoiler);
        assertThat(SocialApi.slugs(mvc, reader, "/api/articles?author=" + author.username())).contains(spoiler);
        mvc.perform(as(reader, get("/api/user/mutes"))).andExpect(jsonPath("$.tags").value(Matchers.contains(tag)));

        mvc.perform(as(reader, delete("/api/tags/{t}/mute", tag))).andExpect(status().isOk())
                .andExpect(jsonPath("$.tag.muting").value(false));
        assertThat(SocialApi.slugs(mvc, reader, "/api/feed")).contains(spoiler, plain);
    }

    @Test
    void refusesUnknownUsersAndTagsAndBadInput() throws Exception {
        var user = Api.signUp(mvc, "muter");
        mvc.perform(as(user, post("/api/profiles/no-such-user-xyz/mute"))).andExpect(status().isNotFound());
        mvc.perform(as(user, post("/api/tags/no-such-tag-xyz-123/mute"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors.body[0]").value("tag not found"));
        mvc.perform(as(user, delete("/api/tags/no-such-tag-xyz-123/mute"))).andExpect(status().isNotFound());
        mvc.perform(as(user, post("/api/profiles/{u}/mute", user.username())))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/tags/anything/mute")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/user/mutes")).andExpect(status().isUnauthorized());
        mvc.perform(as(user, get("/api/user/mutes?limit=101"))).andExpect(status().isUnprocessableContent());
    }
}
