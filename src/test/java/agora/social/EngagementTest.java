package agora.social;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

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
class EngagementTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    ResultActions favorite(Api.SignedUp user, String slug) throws Exception {
        return mvc.perform(post("/api/articles/{s}/favorite", slug).header("Authorization", user.authorization()));
    }

    ResultActions unfavorite(Api.SignedUp user, String slug) throws Exception {
        return mvc.perform(delete("/api/articles/{s}/favorite", slug).header("Authorization", user.authorization()));
    }

    ResultActions comment(Api.SignedUp user, String slug, String json) throws Exception {
        return mvc.perform(post("/api/articles/{s}/comments", slug).header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    long commentId(Api.SignedUp user, String slug, String text) throws Exception {
        var body = comment(user, slug, "{\"comment\":{\"body\":\"" + text + "\"}}").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.comment.id")).longValue();
    }

    @Test
    void likesCountOncePerReaderAndCanBeTakenBack() throws Exception {
        var author = Api.signUp(mvc, "liked");
        var fan = Api.signUp(mvc, "fan");
        var other = Api.signUp(mvc, "fan2");
        var slug = SocialApi.publish(mvc, author, "Likeable");

        favorite(fan, slug).andExpect(status().isOk())
                .andExpect(jsonPath("$.article.favorited").value(true))
                .andExpect(jsonPath("$.article.favoritesCount").value(1))
                .andExpect(jsonPath("$.article.body").value("all about Likeable"));
        favorite(fan, slug).andExpect(jsonPath("$.article.favoritesCount").value(1));
        favorite(other, slug).andExpect(jsonPath("$.article.favoritesCount").value(2));
        mvc.perform(get("/api/articles/{s}", slug).header("Authorization", author.authorization()))
                .andExpect(jsonPath("$.article.favorited").value(false))
                .andExpect(jsonPath("$.article.favoritesCount").value(2));
        mvc.perform(get("/api/articles/{s}", slug)).andExpect(jsonPath("$.article.favorited").value(false));

        unfavorite(fan, slug).andExpect(status().isOk())
                .andExpect(jsonPath("$.article.favorited").value(false))
                .andExpect(jsonPath("$.article.favoritesCount").value(1));
        unfavorite(fan, slug).andExpect(jsonPath("$.article.favoritesCount").value(1));

        favorite(fan, "no-such-article-xyz").andExpect(status().isNotFound());
        unfavorite(fan, "no-such-article-xyz").andExpect(status().isNotFound());
        mvc.perform(post("/api/articles/{s}/favorite", slug)).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/articles/{s}/favorite", slug)).andExpect(status().isUnauthorized());
    }

    @Test
    void commentsAreListedNewestFirstToAnyone() throws Exception {
        var author = Api.signUp(mvc, "host");
        var guest = Api.signUp(mvc, "guest");
        var slug = SocialApi.publish(mvc, author, "Discuss");
        comment(guest, slug, "{\"comment\":{\"body\":\"First!\"}}").andExpect(status().isOk())
                .andExpect(jsonPath("$.comment.id").isNumber())
                .andExpect(jsonPath("$.comment.body").value("First!"))
                .andExpect(jsonPath("$.comment.createdAt").value(Matchers.matchesPattern(SocialApi.TIMESTAMP)))
                .andExpect(jsonPath("$.comment.updatedAt").value(Matchers.matchesPattern(SocialApi.TIMESTAMP)))
                .andExpect(jsonPath("$.comment.author.username").value(guest.username()))
                .andExpect(jsonPath("$.comment.author.following").value(false));
        clock.advance(Duration.ofSeconds(1));
        SocialApi.comment(mvc, author, slug, "Second");
        SocialApi.follow(mvc, guest, author);

        mvc.perform(get("/api/articles/{s}/comments", slug)).andExpect(status().isOk())
                .andExpect(jsonPath("$.comments[*].body").value(Matchers.contains("Second", "First!")))
                .andExpect(jsonPath("$.comments[0].author.following").value(false));
        mvc.perform(get("/api/articles/{s}/comments", slug).header("Authorization", guest.authorization()))
                .andExpect(jsonPath("$.comments[0].author.username").value(author.username()))
                .andExpect(jsonPath("$.comments[0].author.following").value(true));
        mvc.perform(get("/api/articles/{s}/comments?limit=1&offset=1", slug))
                .andExpect(jsonPath("$.comments[*].body").value(Matchers.contains("First!")));
        mvc.perform(get("/api/articles/{s}/comments?limit=101", slug)).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/articles/no-such-article-xyz/comments")).andExpect(status().isNotFound());
    }

    @Test
    void refusesInvalidComments() throws Exception {
        var author = Api.signUp(mvc, "strict");
        var slug = SocialApi.publish(mvc, author, "Strict");
        comment(author, slug, "{\"comment\":{\"body\":\"  \"}}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.body[0]").value("can't be blank"));
        comment(author, slug, "{\"comment\":{}}").andExpect(status().isUnprocessableContent());
        comment(author, slug, "{\"comment\":{\"body\":\"" + "x".repeat(10_001) + "\"}}")
                .andExpect(status().isUnprocessableContent());
        comment(author, slug, "{}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.comment[0]").value("is required"));
        comment(author, "no-such-article-xyz", "{\"comment\":{\"body\":\"hi\"}}").andExpect(status().isNotFound());
        mvc.perform(post("/api/articles/{s}/comments", slug).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":{\"body\":\"hi\"}}")).andExpect(status().isUnauthorized());
    }

    @Test
    void commentsAreDeletedByTheirAuthorOrTheArticlesAuthorOnly() throws Exception {
        var author = Api.signUp(mvc, "moderator");
        var guest = Api.signUp(mvc, "commenter");
        var stranger = Api.signUp(mvc, "stranger");
        var slug = SocialApi.publish(mvc, author, "Moderated");
        var otherSlug = SocialApi.publish(mvc, author, "Elsewhere");
        var byGuest = commentId(guest, slug, "mine");
        var second = commentId(guest, slug, "also mine");

        mvc.perform(delete("/api/articles/{s}/comments/{id}", slug, byGuest).header("Authorization",
                stranger.authorization())).andExpect(status().isForbidden());
        mvc.perform(delete("/api/articles/{s}/comments/{id}", slug, byGuest)).andExpect(status().isUnauthorized());
        // A comment is found only under its own article.
        mvc.perform(delete("/api/articles/{s}/comments/{id}", otherSlug, byGuest).header("Authorization",
                guest.authorization())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/articles/{s}/comments/{id}", slug, 999_999_999L).header("Authorization",
                guest.authorization())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/articles/{s}/comments/abc", slug).header("Authorization", guest.authorization()))
                .andExpect(status().isUnprocessableContent());

        mvc.perform(delete("/api/articles/{s}/comments/{id}", slug, byGuest).header("Authorization",
                guest.authorization())).andExpect(status().isNoContent());
        mvc.perform(delete("/api/articles/{s}/comments/{id}", slug, second).header("Authorization",
                author.authorization())).andExpect(status().isNoContent());
        mvc.perform(get("/api/articles/{s}/comments", slug)).andExpect(jsonPath("$.comments").isEmpty());
        mvc.perform(delete("/api/articles/{s}/comments/{id}", slug, byGuest).header("Authorization",
                guest.authorization())).andExpect(status().isNotFound());
    }
}
