package agora.search;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import agora.search.internal.ChangeLog;
import agora.search.internal.FixtureCorpus;
import agora.search.internal.SearchDocument;

/** Moves of search tests: publish fixture content, query, and wait for the index. */
final class SearchTesting {

    private SearchTesting() {
    }

    /** Puts the documents into the fixture corpus and records the changes, as a module's listener would. */
    static void publish(ChangeLog changes, SearchDocument... documents) {
        for (var document : documents) {
            FixtureCorpus.put(document);
            changes.record(FixtureCorpus.sourceOf(document.type()), document.id());
        }
    }

    /** GET /api/search with parameters given as "name=value" pairs joined by "&" (values not encoded), expecting 200. */
    static DocumentContext search(MockMvc mvc, String parameters) throws Exception {
        var request = get("/api/search");
        for (var pair : parameters.split("&")) {
            var equals = pair.indexOf('=');
            request.param(pair.substring(0, equals), pair.substring(equals + 1));
        }
        var body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.parse(body);
    }

    static List<String> ids(DocumentContext answer) {
        return answer.read("$.results[*].id");
    }

    /** Polls until the condition holds, failing after the timeout; answers how long it took. */
    static Duration await(Duration timeout, Callable<Boolean> condition) throws Exception {
        var started = System.nanoTime();
        var deadline = started + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + timeout);
            }
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
