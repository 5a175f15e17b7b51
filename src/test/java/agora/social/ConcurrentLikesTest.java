package agora.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.accounts.UserDirectory;
import agora.social.internal.Engagement;
import agora.test.AgoraTest;
import agora.test.Api;

/** Likes and comments arriving at the same moment, on real threads against the real database. */
@AgoraTest
class ConcurrentLikesTest {

    static final int READERS = 8;

    @Autowired
    MockMvc mvc;

    @Autowired
    Engagement engagement;

    @Autowired
    UserDirectory directory;

    @Test
    void countersMatchTheLikesAndCommentsThatHappened() throws Exception {
        var author = Api.signUp(mvc, "busy");
        var slug = SocialApi.publish(mvc, author, "Busy post");
        var readers = new ArrayList<Long>();
        for (var i = 0; i < READERS; i++) {
            readers.add(directory.findByUsername(Api.signUp(mvc, "crowd").username()).orElseThrow().id());
        }
        var tasks = new ArrayList<Callable<Object>>();
        for (var reader : readers) {
            // Every reader likes twice at once (counts once) and comments once.
            tasks.add(() -> engagement.like(reader, slug));
            tasks.add(() -> engagement.like(reader, slug));
            tasks.add(() -> engagement.comment(reader, slug, "me too"));
        }
        runAtOnce(tasks);

        var body = mvc.perform(get("/api/articles/{s}", slug)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(body, "$.article.favoritesCount")).isEqualTo(READERS);
        assertThat(engagement.comments(Optional.empty(), slug, 100, 0)).hasSize(READERS);

        var unlikes = new ArrayList<Callable<Object>>();
        for (var reader : readers) {
            unlikes.add(() -> engagement.unlike(reader, slug));
            unlikes.add(() -> engagement.unlike(reader, slug));
        }
        runAtOnce(unlikes);
        body = mvc.perform(get("/api/articles/{s}", slug)).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(body, "$.article.favoritesCount")).isZero();
    }

    private static void runAtOnce(List<Callable<Object>> tasks) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(tasks.size())) {
            var futures = tasks.stream().map(task -> pool.submit(() -> {
                start.await();
                return task.call();
            })).toList();
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        }
    }
}
