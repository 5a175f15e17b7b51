package agora.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;

/** What the search module relies on: events for every change and a catalog that answers posts. */
@AgoraTest
@RecordApplicationEvents
class PostCatalogTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostCatalog catalog;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void publishesAnEventForEveryChange() throws Exception {
        var author = Api.signUp(mvc, "evented");
        var fan = Api.signUp(mvc, "evfan");
        var slug = SocialApi.publish(mvc, author, "Evented", "x");
        var id = findId(slug);
        assertThat(events.stream(PostPublished.class)).containsExactly(new PostPublished(id));

        mvc.perform(put("/api/articles/{s}", slug).header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"article\":{\"body\":\"new\"}}"))
                .andExpect(status().isOk());
        assertThat(events.stream(PostUpdated.class)).containsExactly(new PostUpdated(id));

        SocialApi.like(mvc, fan, slug);
        SocialApi.like(mvc, fan, slug);
        SocialApi.comment(mvc, fan, slug, "hello");
        // The repeated like changed nothing, so it tells nothing.
        assertThat(events.stream(PostEngagementChanged.class)).containsExactly(new PostEngagementChanged(id),
                new PostEngagementChanged(id));

        mvc.perform(delete("/api/articles/{s}", slug).header("Authorization", author.authorization()))
                .andExpect(status().isNoContent());
        assertThat(events.stream(PostDeleted.class)).containsExactly(new PostDeleted(id, slug));
    }

    @Test
    void answersPostsByIdAndStreamsThemInIdOrder() throws Exception {
        var author = Api.signUp(mvc, "cataloged");
        var fan = Api.signUp(mvc, "catfan");
        var first = SocialApi.publish(mvc, author, "Catalog one", "zeta", "alpha");
        var second = SocialApi.publish(mvc, author, "Catalog two");
        var gone = SocialApi.publish(mvc, author, "Catalog gone");
        SocialApi.like(mvc, fan, first);
        SocialApi.comment(mvc, fan, first, "nice");
        SocialApi.comment(mvc, author, first, "thanks");
        var firstId = findId(first);
        var secondId = findId(second);
        var goneId = findId(gone);
        mvc.perform(delete("/api/articles/{s}", gone).header("Authorization", author.authorization()))
                .andExpect(status().isNoContent());

        var found = catalog.findAllById(List.of(secondId, goneId, firstId, -5L));
        assertThat(found).extracting(SearchablePost::id).containsExactly(firstId, secondId);
        var post = found.getFirst();
        assertThat(post.slug()).isEqualTo(first);
        assertThat(post.title()).isEqualTo("Catalog one");
        assertThat(post.description()).isEqualTo("about Catalog one");
        assertThat(post.body()).isEqualTo("all about Catalog one");
        assertThat(post.tags()).containsExactly("alpha", "zeta");
        assertThat(post.authorUsername()).isEqualTo(author.username());
        assertThat(post.favoritesCount()).isEqualTo(1);
        assertThat(post.commentsCount()).isEqualTo(2);
        assertThat(post.createdAt()).isNotNull();
        assertThat(post.updatedAt()).isEqualTo(post.createdAt());

        assertThat(catalog.listAfter(firstId - 1, 2)).extracting(SearchablePost::id).containsExactly(firstId, secondId);
        assertThat(catalog.listAfter(secondId, 1000)).extracting(SearchablePost::id).doesNotContain(goneId);
        assertThat(catalog.listAfter(Long.MAX_VALUE - 1, 10)).isEmpty();
    }

    private long findId(String slug) {
        return jdbc.sql("select id from posts where slug = ?").param(slug).query(Long.class).single();
    }
}
