package agora.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.test.AgoraTest;
import agora.test.Api;

/**
 * Where the ranked feed's candidates come from: the followed authors' posts, and the most engaging recent posts
 * of strangers in every tag the reader likes (one statement over all those tags). The reader follows A and liked
 * A's posts in two tags and a stranger's post in the first.
 */
@AgoraTest
class FeedDiscoveryTest {

    @Autowired
    MockMvc mvc;

    Api.SignedUp reader;
    Api.SignedUp a;
    String firstTag;
    String secondTag;
    String a3;
    String s1;
    String s2;
    String s3;
    String x1;
    String own;

    @BeforeEach
    void buildTheWorld() throws Exception {
        reader = Api.signUp(mvc, "reader");
        a = Api.signUp(mvc, "a");
        var stranger = Api.signUp(mvc, "s");
        var suffix = reader.username().substring(7);
        firstTag = "one" + suffix;
        secondTag = "two" + suffix;
        SocialApi.follow(mvc, reader, a);
        var a1 = SocialApi.publish(mvc, a, "a1", firstTag);
        var a2 = SocialApi.publish(mvc, a, "a2", secondTag);
        a3 = SocialApi.publish(mvc, a, "a3", firstTag);
        x1 = SocialApi.publish(mvc, stranger, "x1", firstTag);
        s1 = SocialApi.publish(mvc, stranger, "s1", firstTag);
        s2 = SocialApi.publish(mvc, stranger, "s2", secondTag);
        s3 = SocialApi.publish(mvc, stranger, "s3", "three" + suffix);
        own = SocialApi.publish(mvc, reader, "own", firstTag);
        SocialApi.like(mvc, reader, a1);
        SocialApi.like(mvc, reader, a2);
        SocialApi.like(mvc, reader, x1);
    }

    /** Slug to source ("following" or "discovery"), in feed order; fails on a post shown twice. */
    Map<String, String> feed() throws Exception {
        var body = mvc.perform(get("/api/feed?explain=true").header("Authorization", reader.authorization()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> slugs = JsonPath.read(body, "$.articles[*].slug");
        List<String> sources = JsonPath.read(body, "$.articles[*].explain.source");
        var feed = new LinkedHashMap<String, String>();
        for (var i = 0; i < slugs.size(); i++) {
            assertThat(feed.put(slugs.get(i), sources.get(i))).as("shown twice: " + slugs.get(i)).isNull();
        }
        assertThat(JsonPath.<Integer>read(body, "$.articlesCount")).isEqualTo(feed.size());
        return feed;
    }

    @Test
    void discoversStrangersPostsInEveryLikedTagAndShowsAFollowedPostOnceAsFollowed() throws Exception {
        var feed = feed();
        assertThat(feed).containsEntry(s1, "discovery").containsEntry(s2, "discovery")
                .containsEntry(a3, "following").doesNotContainKeys(s3, x1, own);
    }

    @Test
    void anUnfollowedAuthorsPostsAreDiscoveredInsteadOfFollowed() throws Exception {
        mvc.perform(delete("/api/profiles/{u}/follow", a.username()).header("Authorization", reader.authorization()))
                .andExpect(status().isOk());
        var feed = feed();
        assertThat(feed).containsEntry(a3, "discovery").containsEntry(s1, "discovery").containsEntry(s2, "discovery")
                .doesNotContainKeys(s3, x1, own).doesNotContainValue("following");
    }
}
