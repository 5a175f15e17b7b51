package agora.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

/**
 * A small world: the reader follows A and B, liked one of A's posts (tagged T), and C (a stranger) wrote a
 * popular post tagged T. Under the default settings (half-life 24 h, comments weigh 2, discovery 0.5, at most
 * 2 in a row per author) the scores are a1 2.41, b1 1.82, a4 1.60, a3 1.55, a2 1.51, c1 1.02.
 */
@AgoraTest
class RankedFeedTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    Api.SignedUp reader;
    Api.SignedUp a;
    Api.SignedUp b;
    Api.SignedUp c;
    Api.SignedUp d;
    String tag;
    String a1;
    String a2;
    String a3;
    String a4;
    String b1;
    String c1;

    @BeforeEach
    void buildTheWorld() throws Exception {
        reader = Api.signUp(mvc, "reader");
        a = Api.signUp(mvc, "a");
        b = Api.signUp(mvc, "b");
        c = Api.signUp(mvc, "c");
        d = Api.signUp(mvc, "d");
        var e = Api.signUp(mvc, "e");
        tag = "t" + reader.username().substring(7);
        SocialApi.follow(mvc, reader, a);
        SocialApi.follow(mvc, reader, b);
        a1 = SocialApi.publish(mvc, a, "a1", tag);
        clock.advance(Duration.ofHours(1));
        b1 = SocialApi.publish(mvc, b, "b1");
        clock.advance(Duration.ofHours(1));
        a2 = SocialApi.publish(mvc, a, "a2");
        clock.advance(Duration.ofHours(1));
        a3 = SocialApi.publish(mvc, a, "a3");
        clock.advance(Duration.ofHours(1));
        a4 = SocialApi.publish(mvc, a, "a4");
        clock.advance(Duration.ofHours(1));
        c1 = SocialApi.publish(mvc, c, "c1", tag);
        SocialApi.publish(mvc, reader, "my own post", tag);
        SocialApi.like(mvc, reader, a1);
        SocialApi.like(mvc, d, c1);
        SocialApi.like(mvc, e, c1);
        SocialApi.comment(mvc, d, b1, "good one");
        clock.advance(Duration.ofHours(1));
    }

    String feed(Api.SignedUp who, String query) throws Exception {
        return mvc.perform(get("/api/feed" + query).header("Authorization", who.authorization()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void ranksFollowedAndDiscoveredPostsByScoreWithAuthorDiversity() throws Exception {
        var body = feed(reader, "");
        List<String> slugs = JsonPath.read(body, "$.articles[*].slug");
        // By score alone a2 would precede c1, but A already has two posts in a row there.
        assertThat(slugs).containsExactly(a1, b1, a4, a3, c1, a2);
        assertThat(JsonPath.<Integer>read(body, "$.articlesCount")).isEqualTo(6);
        assertThat(JsonPath.<Object>read(body, "$.nextCursor")).isNull();
        assertThat(JsonPath.<List<Object>>read(body, "$.articles[*].explain")).isEmpty();
        assertThat(JsonPath.<List<Object>>read(body, "$.articles[*].body")).isEmpty();
        assertThat(JsonPath.<Boolean>read(body, "$.articles[0].favorited")).isTrue();
        assertThat(JsonPath.<Boolean>read(body, "$.articles[0].author.following")).isTrue();
        assertThat(JsonPath.<Boolean>read(body, "$.articles[4].author.following")).isFalse();
    }

    @Test
    void explainsEachScore() throws Exception {
        var body = feed(reader, "?explain=true");
        assertThat(JsonPath.<String>read(body, "$.articles[0].explain.source")).isEqualTo("following");
        assertThat(JsonPath.<Double>read(body, "$.articles[0].explain.ageHours")).isEqualTo(6.0);
        assertThat(JsonPath.<Double>read(body, "$.articles[0].explain.freshness")).isCloseTo(Math.pow(0.5, 0.25), within(1e-9));
        assertThat(JsonPath.<Double>read(body, "$.articles[0].explain.engagement")).isCloseTo(1 + Math.log(2), within(1e-9));
        assertThat(JsonPath.<Double>read(body, "$.articles[0].explain.affinity")).isCloseTo(1 + Math.log(2), within(1e-9));
        assertThat(JsonPath.<Double>read(body, "$.articles[0].explain.score")).isCloseTo(2.4106, within(1e-4));
        assertThat(JsonPath.<Integer>read(body, "$.articles[0].explain.likes")).isEqualTo(1);
        assertThat(JsonPath.<String>read(body, "$.articles[4].explain.source")).isEqualTo("discovery");
        assertThat(JsonPath.<Double>read(body, "$.articles[4].explain.sourceWeight")).isEqualTo(0.5);
        assertThat(JsonPath.<Double>read(body, "$.articles[4].explain.score")).isCloseTo(1.0194, within(1e-4));
        assertThat(JsonPath.<Double>read(body, "$.articles[1].explain.engagement")).isCloseTo(1 + Math.log(3), within(1e-9));
    }

    @Test
    void pagesThroughOneRankingWithoutRepeatsOrGaps() throws Exception {
        var first = feed(reader, "?limit=2");
        var seen = new ArrayList<String>(JsonPath.read(first, "$.articles[*].slug"));
        assertThat(seen).containsExactly(a1, b1);
        String cursor = JsonPath.read(first, "$.nextCursor");

        // Meanwhile the world moves: c1 becomes very popular and A posts again. A fresh ranking changes...
        for (var i = 0; i < 5; i++) {
            SocialApi.like(mvc, Api.signUp(mvc, "late"), c1);
        }
        var a5 = SocialApi.publish(mvc, a, "a5");
        assertThat(SocialApi.slugs(mvc, reader, "/api/feed")).contains(a5).hasSize(7);

        // ...but the reader's paging continues the ranking they started.
        var second = feed(reader, "?limit=2&explain=true&cursor=" + cursor);
        seen.addAll(JsonPath.read(second, "$.articles[*].slug"));
        assertThat(JsonPath.<Integer>read(second, "$.articlesCount")).isEqualTo(6);
        assertThat(JsonPath.<List<Object>>read(second, "$.articles[*].explain")).hasSize(2);
        var third = feed(reader, "?limit=2&cursor=" + JsonPath.read(second, "$.nextCursor"));
        seen.addAll(JsonPath.read(third, "$.articles[*].slug"));
        assertThat(JsonPath.<Object>read(third, "$.nextCursor")).isNull();
        assertThat(seen).containsExactly(a1, b1, a4, a3, c1, a2);

        assertThat(SocialApi.slugs(mvc, reader, "/api/feed?offset=2&limit=2")).hasSize(2).doesNotContain(a1, b1);
    }

    @Test
    void refusesBadRequests() throws Exception {
        mvc.perform(get("/api/feed")).andExpect(status().isUnauthorized());
        var cursor = JsonPath.<String>read(feed(reader, "?limit=1"), "$.nextCursor");
        mvc.perform(get("/api/feed?cursor=" + cursor).header("Authorization", a.authorization()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.cursor[0]").value(Matchers.startsWith("is invalid")));
        mvc.perform(get("/api/feed?cursor=garbage").header("Authorization", reader.authorization()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/feed?offset=1&cursor=" + cursor).header("Authorization", reader.authorization()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/feed?limit=0").header("Authorization", reader.authorization()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/feed?offset=-1").header("Authorization", reader.authorization()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/feed?explain=maybe").header("Authorization", reader.authorization()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/feed?offset=50").header("Authorization", reader.authorization()))
                .andExpect(jsonPath("$.articles").isEmpty())
                .andExpect(jsonPath("$.articlesCount").value(6));
    }

    @Test
    void leavesOutOldPostsAndShowsNothingToANewcomer() throws Exception {
        assertThat(SocialApi.slugs(mvc, Api.signUp(mvc, "newcomer"), "/api/feed")).isEmpty();
        clock.advance(Duration.ofDays(13));
        assertThat(SocialApi.slugs(mvc, signedInAgain(reader), "/api/feed")).hasSize(6);
        clock.advance(Duration.ofDays(1));
        assertThat(SocialApi.slugs(mvc, signedInAgain(reader), "/api/feed")).isEmpty();
    }

    /** Tokens live a week; a reader coming back weeks later logs in again. */
    Api.SignedUp signedInAgain(Api.SignedUp user) throws Exception {
        return new Api.SignedUp(user.username(), user.email(), Api.login(mvc, user.email(), Api.PASSWORD));
    }
}
