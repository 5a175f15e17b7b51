package agora.social;

import static agora.social.SocialApi.articleJson;
import static agora.social.SocialApi.publish;
import static agora.social.SocialApi.slugs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.MutableClock;

@AgoraTest
class ArticlesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    ResultActions create(Api.SignedUp author, String json) throws Exception {
        return mvc.perform(post("/api/articles").header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions update(Api.SignedUp author, String slug, String json) throws Exception {
        return mvc.perform(put("/api/articles/{s}", slug).header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void createsAnArticleWithSortedTagsAndMillisecondTimes() throws Exception {
        var author = Api.signUp(mvc, "writer");
        create(author, articleJson("How to train your dragon", "Ever wonder how?", "Very carefully.",
                List.of("training", "Dragons", "dragons", " art ")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.article.slug").value(Matchers.startsWith("how-to-train-your-dragon")))
                .andExpect(jsonPath("$.article.title").value("How to train your dragon"))
                .andExpect(jsonPath("$.article.description").value("Ever wonder how?"))
                .andExpect(jsonPath("$.article.body").value("Very carefully."))
                .andExpect(jsonPath("$.article.tagList").value(Matchers.contains("art", "dragons", "training")))
                .andExpect(jsonPath("$.article.createdAt").value(Matchers.matchesPattern(SocialApi.TIMESTAMP)))
                .andExpect(jsonPath("$.article.updatedAt").value(Matchers.matchesPattern(SocialApi.TIMESTAMP)))
                .andExpect(jsonPath("$.article.favorited").value(false))
                .andExpect(jsonPath("$.article.favoritesCount").value(0))
                .andExpect(jsonPath("$.article.author.username").value(author.username()))
                .andExpect(jsonPath("$.article.author.following").value(false));
    }

    @Test
    void givesTheSameTitleDistinctStableSlugs() throws Exception {
        var author = Api.signUp(mvc, "twin");
        var title = "Twin title " + author.username();
        var first = publish(mvc, author, title);
        var second = publish(mvc, author, title);
        var third = publish(mvc, author, title);
        assertThat(first).isEqualTo(("twin-title-" + author.username()).toLowerCase());
        assertThat(second).isEqualTo(first + "-2");
        assertThat(third).isEqualTo(first + "-3");
        // A new title keeps the slug: links stay valid.
        update(author, second, "{\"article\":{\"title\":\"Another title\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.article.slug").value(second))
                .andExpect(jsonPath("$.article.title").value("Another title"));
        for (var n = 4; n <= 10; n++) {
            assertThat(publish(mvc, author, title)).isEqualTo(first + "-" + n);
        }
        // With ten numbered slugs taken, a random suffix.
        assertThat(publish(mvc, author, title)).matches(first + "-[0-9a-z]{6}");
        assertThat(publish(mvc, author, "Feed")).startsWith("feed-post");
        assertThat(publish(mvc, author, "!!!")).startsWith("post");
    }

    @Test
    void onlyTheAuthorMayUpdateOrDelete() throws Exception {
        var author = Api.signUp(mvc, "owner");
        var other = Api.signUp(mvc, "other");
        var slug = publish(mvc, author, "Mine " + author.username(), "a", "b");
        update(other, slug, "{\"article\":{\"body\":\"hijacked\"}}").andExpect(status().isForbidden());
        mvc.perform(delete("/api/articles/{s}", slug).header("Authorization", other.authorization()))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/articles/{s}", slug).contentType(MediaType.APPLICATION_JSON)
                .content("{\"article\":{\"body\":\"x\"}}")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/articles/{s}", slug)).andExpect(status().isUnauthorized());

        clock.advance(Duration.ofMinutes(5));
        var updated = update(author, slug, "{\"article\":{\"body\":\"With two hands\",\"tagList\":[\"b\",\"c\"]}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.article.body").value("With two hands"))
                .andExpect(jsonPath("$.article.title").value("Mine " + author.username()))
                .andExpect(jsonPath("$.article.tagList").value(Matchers.contains("b", "c")))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(updated, "$.article.updatedAt"))
                .isNotEqualTo(JsonPath.<String>read(updated, "$.article.createdAt"));

        mvc.perform(delete("/api/articles/{s}", slug).header("Authorization", author.authorization()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/articles/{s}", slug)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/articles/{s}", slug).header("Authorization", author.authorization()))
                .andExpect(status().isNotFound());
        update(author, slug, "{\"article\":{\"body\":\"x\"}}").andExpect(status().isNotFound());
    }

    @Test
    void refusesInvalidArticles() throws Exception {
        var author = Api.signUp(mvc, "sloppy");
        create(author, "{\"article\":{\"description\":\"d\",\"body\":\"b\"}}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.title[0]").value("can't be blank"));
        create(author, articleJson(" ", "", "b", List.of()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.title[0]").value("can't be blank"))
                .andExpect(jsonPath("$.errors.description[0]").value("can't be blank"));
        create(author, articleJson("t".repeat(201), "d", "b", List.of()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.title[0]").value(Matchers.startsWith("is too long")));
        create(author, articleJson("t", "d", "b", List.of("x".repeat(41))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.tagList[0]").value(Matchers.containsString("longer than 40")));
        create(author, articleJson("t", "d", "b", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.tagList[0]").value(Matchers.containsString("more than 10")));
        create(author, "{\"article\":{\"title\":5,\"description\":\"d\",\"body\":\"b\"}}")
                .andExpect(status().isUnprocessableContent());
        create(author, "{\"title\":\"t\"}").andExpect(status().isUnprocessableContent());
        create(author, "{}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.article[0]").value("is required"));
        mvc.perform(post("/api/articles").contentType(MediaType.APPLICATION_JSON)
                .content(articleJson("t", "d", "b", List.of()))).andExpect(status().isUnauthorized());

        var slug = publish(mvc, author, "Valid " + author.username());
        update(author, slug, "{\"article\":{}}").andExpect(status().isUnprocessableContent());
        update(author, slug, "{\"article\":{\"title\":\"\"}}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.title[0]").value("can't be blank"));
        mvc.perform(get("/api/articles/no-such-article-anywhere")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors.body[0]").value("article not found"));
    }

    @Test
    void listsNewestFirstWithFiltersCountsAndNoBodies() throws Exception {
        // Other test contexts share the database with clocks of their own: be newer than anything they published.
        clock.advance(Duration.ofDays(30));
        var alice = Api.signUp(mvc, "la");
        var bob = Api.signUp(mvc, "lb");
        var tag = "t" + alice.username().substring(3);
        var a1 = publish(mvc, alice, "A one", tag);
        clock.advance(Duration.ofSeconds(1));
        var b1 = publish(mvc, bob, "B one", tag, "other");
        clock.advance(Duration.ofSeconds(1));
        var a2 = publish(mvc, alice, "A two");
        clock.advance(Duration.ofSeconds(1));
        SocialApi.like(mvc, bob, a1);
        SocialApi.like(mvc, bob, a2);

        assertThat(slugs(mvc, null, "/api/articles?author=" + alice.username())).containsExactly(a2, a1);
        assertThat(slugs(mvc, null, "/api/articles?tag=" + tag)).containsExactly(b1, a1);
        assertThat(slugs(mvc, null, "/api/articles?tag=" + tag.toUpperCase())).containsExactly(b1, a1);
        assertThat(slugs(mvc, null, "/api/articles?favorited=" + bob.username())).containsExactly(a2, a1);
        assertThat(slugs(mvc, null, "/api/articles?favorited=" + bob.username() + "&tag=" + tag)).containsExactly(a1);
        assertThat(slugs(mvc, null, "/api/articles?author=" + alice.username() + "&limit=1&offset=1"))
                .containsExactly(a1);
        assertThat(slugs(mvc, null, "/api/articles?author=nobody-at-all-xyz")).isEmpty();
        assertThat(slugs(mvc, null, "/api/articles?tag=no-such-tag-xyz")).isEmpty();
        assertThat(slugs(mvc, null, "/api/articles?limit=2")).containsExactly(a2, b1);

        mvc.perform(get("/api/articles?author={a}&limit=1", alice.username()).header("Authorization", bob.authorization()))
                .andExpect(jsonPath("$.articlesCount").value(2))
                .andExpect(jsonPath("$.articles[0].slug").value(a2))
                .andExpect(jsonPath("$.articles[0].body").doesNotExist())
                .andExpect(jsonPath("$.articles[0].favorited").value(true))
                .andExpect(jsonPath("$.articles[0].favoritesCount").value(1))
                .andExpect(jsonPath("$.articles[0].tagList").isArray())
                .andExpect(jsonPath("$.articles[0].createdAt").value(Matchers.matchesPattern(SocialApi.TIMESTAMP)))
                .andExpect(jsonPath("$.articles[0].author.username").value(alice.username()));
        mvc.perform(get("/api/articles?author={a}&offset=5", alice.username()))
                .andExpect(jsonPath("$.articles").isEmpty())
                .andExpect(jsonPath("$.articlesCount").value(2));
        mvc.perform(get("/api/articles?author=nobody-at-all-xyz"))
                .andExpect(jsonPath("$.articlesCount").value(0));
        mvc.perform(get("/api/articles?tag={t}", tag)).andExpect(jsonPath("$.articlesCount").value(2));
    }

    @Test
    void countsTheTotalOfEveryKindOfList() throws Exception {
        var alice = Api.signUp(mvc, "ca");
        var bob = Api.signUp(mvc, "cb");
        var tag = "c" + alice.username().substring(3);
        var first = publish(mvc, alice, "Counted one", tag);
        publish(mvc, alice, "Counted two", tag);
        var third = publish(mvc, bob, "Counted three", tag);
        SocialApi.like(mvc, bob, first);
        SocialApi.like(mvc, bob, third);
        SocialApi.follow(mvc, bob, alice);
        var all = count(bob, "/api/articles?limit=1");

        // Full pages (limit=1), so each total comes from the count, not from the page.
        assertThat(count(bob, "/api/articles?limit=1&author=" + alice.username())).isEqualTo(2);
        assertThat(count(bob, "/api/articles?limit=1&tag=" + tag)).isEqualTo(3);
        assertThat(count(bob, "/api/articles?limit=1&favorited=" + bob.username())).isEqualTo(2);
        assertThat(count(bob, "/api/articles?limit=1&tag=" + tag + "&author=" + alice.username())).isEqualTo(2);
        assertThat(count(bob, "/api/articles/feed?limit=1")).isEqualTo(2);

        mvc.perform(delete("/api/articles/{s}", first).header("Authorization", alice.authorization()))
                .andExpect(status().isNoContent());
        assertThat(count(bob, "/api/articles?limit=1")).isEqualTo(all - 1);
        assertThat(count(bob, "/api/articles?limit=1&author=" + alice.username())).isEqualTo(1);
        assertThat(count(bob, "/api/articles?limit=1&tag=" + tag)).isEqualTo(2);
        assertThat(count(bob, "/api/articles?limit=1&favorited=" + bob.username())).isEqualTo(1);
        assertThat(count(bob, "/api/articles/feed?limit=1")).isEqualTo(1);
        publish(mvc, bob, "Counted four");
        assertThat(count(bob, "/api/articles?limit=1")).isEqualTo(all);
    }

    int count(Api.SignedUp reader, String url) throws Exception {
        var body = mvc.perform(get(url).header("Authorization", reader.authorization())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.articlesCount");
    }

    @Test
    void boundsLimitAndOffset() throws Exception {
        mvc.perform(get("/api/articles?limit=0")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.limit[0]").value("must be between 1 and 100"));
        mvc.perform(get("/api/articles?limit=101")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/articles?offset=-1")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.offset[0]").value(Matchers.startsWith("must be between 0")));
        mvc.perform(get("/api/articles?offset=10001")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/articles?limit=abc")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/articles?limit=99999999999")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/articles?limit=100&offset=10000")).andExpect(status().isOk());
    }

    @Test
    void feedIsChronologicalOverFollowedAuthorsAndNeedsSignIn() throws Exception {
        var reader = Api.signUp(mvc, "fr");
        var followed = Api.signUp(mvc, "fa");
        var stranger = Api.signUp(mvc, "fs");
        var f1 = publish(mvc, followed, "F one");
        clock.advance(Duration.ofSeconds(1));
        publish(mvc, stranger, "S one");
        clock.advance(Duration.ofSeconds(1));
        var f2 = publish(mvc, followed, "F two");
        publish(mvc, reader, "Mine");
        SocialApi.follow(mvc, reader, followed);

        assertThat(slugs(mvc, reader, "/api/articles/feed")).containsExactly(f2, f1);
        mvc.perform(get("/api/articles/feed?limit=1").header("Authorization", reader.authorization()))
                .andExpect(jsonPath("$.articlesCount").value(2))
                .andExpect(jsonPath("$.articles[0].author.following").value(true));
        mvc.perform(get("/api/articles/feed")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/articles/feed?limit=0").header("Authorization", reader.authorization()))
                .andExpect(status().isUnprocessableContent());
        var nobody = Api.signUp(mvc, "fn");
        mvc.perform(get("/api/articles/feed").header("Authorization", nobody.authorization()))
                .andExpect(jsonPath("$.articles").isEmpty())
                .andExpect(jsonPath("$.articlesCount").value(0));
    }

    @Test
    void listsTagsInUseMostUsedFirst() throws Exception {
        var author = Api.signUp(mvc, "tagger");
        var popular = "pop" + author.username().substring(7);
        var gone = "gone" + author.username().substring(7);
        publish(mvc, author, "Tagged one", popular);
        publish(mvc, author, "Tagged two", popular);
        var once = publish(mvc, author, "Tagged three", popular, gone);
        var tags = mvc.perform(get("/api/tags")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        List<String> listed = JsonPath.read(tags, "$.tags");
        assertThat(listed).contains(popular, gone);
        assertThat(listed.indexOf(popular)).isLessThan(listed.indexOf(gone));

        // A tag no post carries any more is not listed.
        update(author, once, "{\"article\":{\"tagList\":[\"%s\"]}}".formatted(popular)).andExpect(status().isOk())
                .andExpect(jsonPath("$.article.tagList").value(Matchers.contains(popular)));
        mvc.perform(get("/api/tags")).andExpect(jsonPath("$.tags").value(Matchers.not(Matchers.hasItem(gone))));
        var deleted = publish(mvc, author, "Tagged four", gone);
        mvc.perform(get("/api/tags")).andExpect(jsonPath("$.tags").value(Matchers.hasItem(gone)));
        mvc.perform(delete("/api/articles/{s}", deleted).header("Authorization", author.authorization()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/tags")).andExpect(jsonPath("$.tags").value(Matchers.not(Matchers.hasItem(gone))));
    }
}
