package agora.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;

/**
 * Lists cost a constant number of queries, whatever their length: authors, follows, likes, counts and tags
 * are loaded in batches (no N+1).
 */
@AgoraTest
@Import(StatementCounter.class)
class QueryCountTest {

    @Autowired
    MockMvc mvc;

    int statements(Api.SignedUp reader, String url) throws Exception {
        // The session check is cached for seconds: load it now, so that a slow machine does not count it for one list.
        mvc.perform(get("/api/user").header("Authorization", reader.authorization())).andExpect(status().isOk());
        StatementCounter.counted = Thread.currentThread();
        var before = StatementCounter.STATEMENTS.get();
        mvc.perform(get(url).header("Authorization", reader.authorization())).andExpect(status().isOk());
        return StatementCounter.STATEMENTS.get() - before;
    }

    @Test
    void listsCostTheSameForTwoPostsAsForTwelve() throws Exception {
        var reader = Api.signUp(mvc, "counter");
        var tag = "q" + reader.username().substring(8);
        var small = Api.signUp(mvc, "few");
        for (var i = 0; i < 2; i++) {
            var author = Api.signUp(mvc, "qa");
            var slug = SocialApi.publish(mvc, author, "Few " + i, tag + "few", "x" + i);
            SocialApi.follow(mvc, small, author);
            SocialApi.like(mvc, small, slug);
            SocialApi.comment(mvc, author, slug, "c");
        }
        var large = Api.signUp(mvc, "many");
        for (var i = 0; i < 12; i++) {
            var author = Api.signUp(mvc, "qb");
            var slug = SocialApi.publish(mvc, author, "Many " + i, tag + "many", "y" + i);
            SocialApi.follow(mvc, large, author);
            SocialApi.like(mvc, large, slug);
            SocialApi.comment(mvc, author, slug, "c");
        }
        // Full pages both (2 of 2 and 12 of 12), so both also count the list's total.
        var fewTag = statements(small, "/api/articles?limit=2&tag=" + tag + "few");
        var manyTag = statements(large, "/api/articles?limit=12&tag=" + tag + "many");
        assertThat(manyTag).isEqualTo(fewTag).isLessThanOrEqualTo(8);
        assertThat(statements(large, "/api/articles/feed?limit=12"))
                .isEqualTo(statements(small, "/api/articles/feed?limit=2"));
        assertThat(statements(large, "/api/articles?limit=12&favorited=" + large.username()))
                .isEqualTo(statements(small, "/api/articles?limit=2&favorited=" + small.username()));
        assertThat(statements(large, "/api/feed?limit=12&explain=true"))
                .isEqualTo(statements(small, "/api/feed?limit=2&explain=true")).isLessThanOrEqualTo(14);
    }
}
