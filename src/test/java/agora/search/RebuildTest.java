package agora.search;

import static agora.search.SearchTesting.await;
import static agora.search.SearchTesting.ids;
import static agora.search.SearchTesting.search;
import static agora.search.internal.FixtureCorpus.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.search.internal.ChangeLog;
import agora.search.internal.FixtureCorpus;
import agora.search.internal.SearchDocument;
import agora.test.AgoraTest;
import agora.test.Api;

/** A full rebuild through the admin endpoint while searches keep running, and the admin guard around it. */
@AgoraTest
@Import(FixtureCorpus.Sources.class)
class RebuildTest {

    private static final String TAG = "rebuildcorpus";
    private static final int DOCUMENTS = 2_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    ChangeLog changes;

    @Autowired
    JdbcClient jdbc;

    private String adminToken() throws Exception {
        var user = Api.signUp(mvc, "admin");
        jdbc.sql("update users set role = 'ADMIN' where username = ?").param(user.username()).update();
        return "Token " + Api.login(mvc, user.email(), Api.PASSWORD);
    }

    private static SearchDocument document(long id) {
        return post(id, "Rebuild note " + id, "About gardening.", "Compost, seeds and patience number " + id + ".",
                List.of(TAG), id % 7, Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void onlyAdminsMayRebuildOrSeeTheStatus() throws Exception {
        mvc.perform(post("/api/admin/search/reindex")).andExpect(status().isUnauthorized());
        var user = Api.signUp(mvc, "notadmin");
        mvc.perform(post("/api/admin/search/reindex").header("Authorization", user.authorization()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/search/status").header("Authorization", user.authorization()))
                .andExpect(status().isForbidden());
    }

    @Test
    void searchesKeepWorkingDuringARebuildAndChangesMadeMeanwhileSurviveTheSwap() throws Exception {
        var admin = adminToken();
        SearchTesting.publish(changes, java.util.stream.LongStream.rangeClosed(20_001, 20_000 + DOCUMENTS)
                .mapToObj(RebuildTest::document).toArray(SearchDocument[]::new));
        await(Duration.ofSeconds(20), () -> (int) search(mvc, "q=compost&tag=" + TAG).read("$.total") == DOCUMENTS);

        var stop = new AtomicBoolean();
        var queries = new AtomicInteger();
        var problems = new ConcurrentLinkedQueue<String>();
        var searchers = new Thread[3];
        for (var i = 0; i < searchers.length; i++) {
            searchers[i] = Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    try {
                        var response = mvc.perform(get("/api/search").param("q", "compost patience")
                                .param("tag", TAG)).andReturn().getResponse();
                        int total = JsonPath.read(response.getContentAsString(), "$.total");
                        if (response.getStatus() != 200 || total < DOCUMENTS) {
                            problems.add(response.getStatus() + " " + total);
                        }
                        queries.incrementAndGet();
                    } catch (Exception e) {
                        problems.add(e.toString());
                    }
                }
            });
        }
        try {
            rebuildWhileSearching(admin, queries);
        } finally {
            FixtureCorpus.openRebuildGate();
            stop.set(true);
            for (var searcher : searchers) {
                searcher.join();
            }
        }
        assertThat(problems).isEmpty();
        assertThat((int) search(mvc, "q=compost&tag=" + TAG).read("$.total")).isEqualTo(DOCUMENTS + 1);
        assertThat(ids(search(mvc, "q=latecomer&tag=" + TAG))).containsExactly("post-29999");
        mvc.perform(get("/api/admin/search/status").header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rebuild.documents").isNumber())
                .andExpect(jsonPath("$.rebuild.bySource['fixture-posts']").isNumber())
                .andExpect(jsonPath("$.index.documents").isNumber())
                .andExpect(jsonPath("$.index.location").isString());
    }

    private void rebuildWhileSearching(String admin, AtomicInteger queries) throws Exception {
        try {
            FixtureCorpus.closeRebuildGate();
            mvc.perform(post("/api/admin/search/reindex").header("Authorization", admin))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.rebuild.state").value("RUNNING"));
            mvc.perform(post("/api/admin/search/reindex").header("Authorization", admin))
                    .andExpect(status().isConflict());
            // a change while the rebuild runs: on the live index at once, and in the new one after the swap
            SearchTesting.publish(changes, post(29_999, "Rebuild latecomer", "Made during the rebuild.",
                    "Compost again.", List.of(TAG), 0, Instant.parse("2026-02-02T00:00:00Z")));
            await(Duration.ofSeconds(1), () -> ids(search(mvc, "q=latecomer&tag=" + TAG)).contains("post-29999"));
            var queriesBefore = queries.get();
            await(Duration.ofSeconds(10), () -> queries.get() > queriesBefore + 20);
        } finally {
            FixtureCorpus.openRebuildGate();
        }
        await(Duration.ofSeconds(30), () -> JsonPath.read(mvc.perform(get("/api/admin/search/status")
                .header("Authorization", admin)).andReturn().getResponse().getContentAsString(), "$.rebuild.state")
                .equals("DONE"));
        var queriesAfterSwap = queries.get();
        await(Duration.ofSeconds(10), () -> queries.get() > queriesAfterSwap + 20);
    }
}
