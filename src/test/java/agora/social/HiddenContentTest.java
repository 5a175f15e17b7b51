package agora.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import agora.accounts.AccountModeration;
import agora.accounts.UserDirectory;
import agora.test.AgoraTest;
import agora.test.Api;

/** Posts and comments hidden by a moderator or by their author's suspension: gone for all but their author. */
@AgoraTest
class HiddenContentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostModeration moderation;

    @Autowired
    AccountModeration accounts;

    @Autowired
    UserDirectory directory;

    private MockHttpServletRequestBuilder as(Api.SignedUp user, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", user.authorization());
    }

    private long id(Api.SignedUp user) {
        return directory.findByUsername(user.username()).orElseThrow().id();
    }

    private int tagCount(String tag) throws Exception {
        var body = mvc.perform(get("/api/articles?tag=" + tag + "&limit=1&offset=5")).andReturn().getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.articlesCount");
    }

    private List<Integer> commentIds(Api.SignedUp reader, String slug) throws Exception {
        var request = get("/api/articles/{s}/comments", slug);
        var body = mvc.perform(reader == null ? request : as(reader, request)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        return JsonPath.read(body, "$.comments[*].id");
    }

    @Test
    void aHiddenPostIsSeenOnlyByItsAuthorWithTheReason() throws Exception {
        var author = Api.signUp(mvc, "author");
        var reader = Api.signUp(mvc, "reader");
        var tag = Api.uniqueName("hid");
        SocialApi.follow(mvc, reader, author);
        var slug = SocialApi.publish(mvc, author, "Something rude", tag);
        var other = SocialApi.publish(mvc, author, "Something kind", tag);
        assertThat(moderation.postAuthor(slug)).hasValue(id(author));

        assertThat(moderation.hidePost(slug, "insults")).isTrue();
        assertThat(moderation.hidePost("no-such-post-xyz", "insults")).isFalse();
        mvc.perform(get("/api/articles/{s}", slug)).andExpect(status().isNotFound());
        mvc.perform(as(reader, get("/api/articles/{s}", slug))).andExpect(status().isNotFound());
        mvc.perform(as(reader, get("/api/articles/{s}/comments", slug))).andExpect(status().isNotFound());
        mvc.perform(as(author, get("/api/articles/{s}", slug))).andExpect(status().isOk())
                .andExpect(jsonPath("$.article.hidden.reason").value("insults"))
                .andExpect(jsonPath("$.article.hidden.at").value(org.hamcrest.Matchers.matchesPattern(SocialApi.TIMESTAMP)));
        mvc.perform(as(author, get("/api/articles/{s}", other))).andExpect(jsonPath("$.article.hidden").doesNotExist());
        for (var url : List.of("/api/articles?tag=" + tag, "/api/articles/feed", "/api/feed",
                "/api/articles?author=" + author.username())) {
            assertThat(SocialApi.slugs(mvc, reader, url)).as(url).contains(other).doesNotContain(slug);
        }
        assertThat(SocialApi.slugs(mvc, null, "/api/articles?tag=" + tag)).containsExactly(other);
        assertThat(SocialApi.slugs(mvc, author, "/api/articles?author=" + author.username())).contains(slug, other);
        assertThat(tagCount(tag)).isEqualTo(1);

        assertThat(moderation.restorePost(slug)).isTrue();
        mvc.perform(get("/api/articles/{s}", slug)).andExpect(status().isOk())
                .andExpect(jsonPath("$.article.hidden").doesNotExist());
        assertThat(SocialApi.slugs(mvc, reader, "/api/articles/feed")).contains(slug, other);
        assertThat(tagCount(tag)).isEqualTo(2);
    }

    @Test
    void aHiddenCommentIsSeenOnlyByItsAuthor() throws Exception {
        var author = Api.signUp(mvc, "author");
        var commenter = Api.signUp(mvc, "commenter");
        var slug = SocialApi.publish(mvc, author, "Open thread");
        SocialApi.comment(mvc, commenter, slug, "rude words");
        var commentId = commentIds(null, slug).getFirst().longValue();
        assertThat(moderation.commentAuthor(commentId)).hasValue(id(commenter));

        assertThat(moderation.hideComment(commentId, "harassment")).isTrue();
        assertThat(moderation.hideComment(Long.MAX_VALUE, "harassment")).isFalse();
        assertThat(commentIds(null, slug)).isEmpty();
        assertThat(commentIds(author, slug)).isEmpty();
        mvc.perform(as(commenter, get("/api/articles/{s}/comments", slug)))
                .andExpect(jsonPath("$.comments[0].hidden.reason").value("harassment"));

        assertThat(moderation.restoreComment(commentId)).isTrue();
        assertThat(commentIds(author, slug)).containsExactly((int) commentId);
        mvc.perform(as(commenter, get("/api/articles/{s}/comments", slug)))
                .andExpect(jsonPath("$.comments[0].hidden").doesNotExist());
    }

    @Test
    void aSuspensionHidesTheAuthorsContentAndItsLiftRestoresOnlyWhatItHid() throws Exception {
        var suspect = Api.signUp(mvc, "suspect");
        var reader = Api.signUp(mvc, "reader");
        var tag = Api.uniqueName("susp");
        SocialApi.follow(mvc, reader, suspect);
        var first = SocialApi.publish(mvc, suspect, "First words", tag);
        var second = SocialApi.publish(mvc, suspect, "Second words", tag);
        var readersPost = SocialApi.publish(mvc, reader, "Reader's post");
        SocialApi.comment(mvc, suspect, readersPost, "a comment");
        moderation.hidePost(second, "spam");

        accounts.suspend(id(suspect), null, "abuse");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> mvc.perform(get("/api/articles/{s}", first))
                .andExpect(status().isNotFound()));
        assertThat(commentIds(reader, readersPost)).isEmpty();
        assertThat(SocialApi.slugs(mvc, reader, "/api/articles?tag=" + tag)).isEmpty();
        assertThat(SocialApi.slugs(mvc, reader, "/api/feed")).doesNotContain(first, second);
        assertThat(tagCount(tag)).isZero();

        accounts.liftSuspension(id(suspect));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> mvc.perform(get("/api/articles/{s}", first))
                .andExpect(status().isOk()));
        assertThat(commentIds(reader, readersPost)).hasSize(1);
        // what the moderator hid stays hidden
        mvc.perform(get("/api/articles/{s}", second)).andExpect(status().isNotFound());
        assertThat(SocialApi.slugs(mvc, reader, "/api/articles?tag=" + tag)).containsExactly(first);
        assertThat(tagCount(tag)).isEqualTo(1);
    }
}
