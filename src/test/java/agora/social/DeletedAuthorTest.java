package agora.social;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.ZoneOffset;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import agora.accounts.UserDirectory;
import agora.test.AgoraTest;
import agora.test.Api;

/** Posts and comments whose author the user directory no longer knows are shown with a neutral author. */
@AgoraTest
class DeletedAuthorTest {

    static final long GONE = 987_654_321L;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory directory;

    @Autowired
    Clock clock;

    @Test
    void showsANeutralAuthorInsteadOfFailing() throws Exception {
        var reader = Api.signUp(mvc, "survivor");
        var slug = "orphan-" + reader.username().toLowerCase();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("insert into posts (slug, title, description, body, author_id, created_at, updated_at) "
                + "values (?, 'Orphan', 'd', 'b', ?, ?, ?)").params(slug, GONE, now, now).update();
        var postId = jdbc.sql("select id from posts where slug = ?").param(slug).query(Long.class).single();
        jdbc.sql("insert into comments (post_id, author_id, body, created_at, updated_at) values (?, ?, 'ghost', ?, ?)")
                .params(postId, GONE, now, now).update();
        var readerId = directory.findByUsername(reader.username()).orElseThrow().id();
        jdbc.sql("insert into follows (follower_id, followee_id, created_at) values (?, ?, ?)")
                .params(readerId, GONE, now).update();

        mvc.perform(get("/api/articles/{s}", slug).header("Authorization", reader.authorization()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.article.author.username").value("[deleted]"))
                .andExpect(jsonPath("$.article.author.bio").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.article.author.following").value(false));
        mvc.perform(get("/api/articles/{s}/comments", slug))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.comments[0].author.username").value("[deleted]"));
        mvc.perform(get("/api/articles/feed").header("Authorization", reader.authorization()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.articles[0].author.username").value("[deleted]"));
        mvc.perform(get("/api/feed").header("Authorization", reader.authorization()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.articles[0].author.username").value("[deleted]"));
        mvc.perform(get("/api/profiles/[deleted]")).andExpect(status().isNotFound());
    }
}
