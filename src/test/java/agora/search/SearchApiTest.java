package agora.search;

import static agora.search.SearchTesting.await;
import static agora.search.SearchTesting.ids;
import static agora.search.SearchTesting.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import agora.accounts.UserProfileChanged;
import agora.test.AgoraTest;
import agora.test.Api;

/** The search API with real profiles: its contract, hostile input, privacy, freshness and completions. */
@AgoraTest
class SearchApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    private void setBio(Api.SignedUp user, String bio) throws Exception {
        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":{\"bio\":\"" + bio + "\"}}"))
                .andExpect(status().isOk());
    }

    private List<String> findProfiles(String q) throws Exception {
        return ids(search(mvc, "type=profile&q=" + q));
    }

    @Test
    void answersTheDocumentedShape() throws Exception {
        var user = Api.signUp(mvc, "shape");
        await(Duration.ofSeconds(5), () -> findProfiles(user.username()).contains(user.username()));
        mvc.perform(get("/api/search").param("q", user.username()).param("type", "profile"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].type").value("profile"))
                .andExpect(jsonPath("$.results[0].id").value(user.username()))
                .andExpect(jsonPath("$.results[0].title").value(user.username()))
                .andExpect(jsonPath("$.results[0].username").value(user.username()))
                .andExpect(jsonPath("$.results[0].score").isNumber())
                .andExpect(jsonPath("$.total").isNumber())
                .andExpect(jsonPath("$.totalExact").value(true))
                .andExpect(jsonPath("$.facets.type.profile").isNumber())
                .andExpect(jsonPath("$.facets.tags").isMap())
                .andExpect(jsonPath("$.facets.price").isArray())
                .andExpect(jsonPath("$.tookMs").isNumber());
    }

    @Test
    void refusesOutOfRangeParametersWithOneErrorEach() throws Exception {
        mvc.perform(get("/api/search").param("q", "x".repeat(257)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.q[0]").value("is too long (maximum is 256 characters)"));
        mvc.perform(get("/api/search").param("q", "x".repeat(256))).andExpect(status().isOk());
        mvc.perform(get("/api/search").param("limit", "101")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.limit").exists());
        mvc.perform(get("/api/search").param("limit", "0")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/search").param("limit", "ten")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/search").param("offset", "-1")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/search").param("type", "user")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.type").exists());
        mvc.perform(get("/api/search").param("sort", "cheapest")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.sort").exists());
        mvc.perform(get("/api/search").param("currency", "euro")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/search").param("minPrice", "100")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.currency").exists());
        mvc.perform(get("/api/search").param("minPrice", "500").param("maxPrice", "100").param("currency", "EUR"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors.maxPrice").exists());
        mvc.perform(get("/api/search").param("minPrice", "-1").param("currency", "EUR"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/search/suggest").param("q", "x".repeat(257))).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/search").param("limit", "100")).andExpect(status().isOk());
    }

    @Test
    void querySyntaxIsNeverInterpreted() throws Exception {
        var user = Api.signUp(mvc, "syntax");
        await(Duration.ofSeconds(5), () -> findProfiles(user.username()).contains(user.username()));
        for (var hostile : List.of("title:\"x\" AND (y OR *) ~2 ^3", "\\", "\"", "*", "?", "a:b:c", "[a TO z]", "{!x}",
                "((((((", "/regex.*/", "-", "+", "&&", "||", "!", "~", "^", "\u0000", "<script>alert(1)</script>",
                "' OR 1=1 --", user.username() + "~0.1", user.username() + "*")) {
            mvc.perform(get("/api/search").param("q", hostile)).andExpect(status().isOk());
            mvc.perform(get("/api/search/suggest").param("q", hostile)).andExpect(status().isOk());
        }
        // operators are words like any other: "name OR" still finds the name
        assertThat(findProfiles(user.username() + " OR")).contains(user.username());
        assertThat(findProfiles("\"" + user.username() + "\"")).contains(user.username());
    }

    @Test
    void hostileProfileTextIsEscapedInSnippets() throws Exception {
        var user = Api.signUp(mvc, "xss");
        var marker = "zqxmarker" + user.username().substring(4).replace("-", "");
        setBio(user, "<img src=x onerror=alert(1)> " + marker + " & <b>bold</b>");
        await(Duration.ofSeconds(5), () -> findProfiles(marker).contains(user.username()));
        String snippet = search(mvc, "type=profile&q=" + marker).read("$.results[0].snippet");
        assertThat(snippet).contains("<mark>" + marker + "</mark>").contains("&lt;img").contains("&amp;")
                .doesNotContain("<img").doesNotContain("<b>");
    }

    @Test
    void usernameOutweighsBio() throws Exception {
        var potter = Api.signUp(mvc, "potter");
        var fan = Api.signUp(mvc, "fan");
        setBio(fan, "I follow " + potter.username() + " for the glazes.");
        await(Duration.ofSeconds(5), () -> findProfiles(potter.username()).size() == 2);
        assertThat(findProfiles(potter.username())).containsExactly(potter.username(), fan.username());
    }

    @Test
    void neverIndexesEmailsOrOtherPrivateData() throws Exception {
        var user = Api.signUp(mvc, "private");
        var secret = "secret" + UUID.randomUUID().toString().replace("-", "");
        mvc.perform(put("/api/user").header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":{\"email\":\"" + secret + "@hidden.test\"}}"))
                .andExpect(status().isOk());
        setBio(user, "bio after the email change");
        await(Duration.ofSeconds(5), () -> findProfiles("after the email change").contains(user.username()));
        assertThat(ids(search(mvc, "q=" + secret))).isEmpty();
        assertThat(ids(search(mvc, "q=" + secret + "@hidden.test"))).isEmpty();
        assertThat(ids(search(mvc, "q=hidden.test"))).isEmpty();
        assertThat(ids(search(mvc, "q=example.com"))).isEmpty();
        assertThat(ids(search(mvc, "q=" + Api.PASSWORD))).isEmpty();
        var body = mvc.perform(get("/api/search").param("q", user.username())).andReturn().getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain(secret).doesNotContain("password").doesNotContain("USER")
                .doesNotContain("\"email\"");
        assertThat((List<Map<String, Object>>) JsonPath.read(body, "$.results"))
                .allSatisfy(result -> assertThat(result).containsOnlyKeys("type", "id", "title", "snippet", "score",
                        "username", "bio", "image"));
    }

    @Test
    void aChangeIsSearchableWithinOneSecondOfItsCommit() throws Exception {
        var user = Api.signUp(mvc, "fresh");
        await(Duration.ofSeconds(5), () -> findProfiles(user.username()).contains(user.username()));
        var word = "freshword" + user.username().substring(6).replace("-", "");
        setBio(user, "Now I talk about " + word);
        var took = await(Duration.ofSeconds(1), () -> findProfiles(word).contains(user.username()));
        assertThat(took).isLessThan(Duration.ofSeconds(1));

        var fresher = Api.signUp(mvc, "new");
        await(Duration.ofSeconds(1), () -> findProfiles(fresher.username()).contains(fresher.username()));
    }

    private int changeRows(long userId) {
        return jdbc.sql("select count(*) from search_changes where source = 'profiles' and entity_id = ?")
                .param(userId).query(Integer.class).single();
    }

    @Test
    void aChangeIsRecordedInTheTransactionOfTheContentSoTheyCommitOrRollBackTogether() throws Exception {
        var user = Api.signUp(mvc, "atomic");
        var id = jdbc.sql("select id from users where username = ?").param(user.username()).query(Long.class).single();
        var before = changeRows(id);
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new UserProfileChanged(id));
            assertThat(changeRows(id)).isEqualTo(before + 1);
            tx.setRollbackOnly();
        });
        assertThat(changeRows(id)).isEqualTo(before);
        setBio(user, "committed together");
        assertThat(changeRows(id)).isEqualTo(before + 1);
    }

    @Test
    void suggestsCompletionsOfUsernames() throws Exception {
        var user = Api.signUp(mvc, "suggestme");
        await(Duration.ofSeconds(5), () -> findProfiles(user.username()).contains(user.username()));
        var prefix = user.username().substring(0, user.username().length() - 3);
        mvc.perform(get("/api/search/suggest").param("q", prefix.toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions[?(@.text == '" + user.username() + "')].type").value("profile"));
        mvc.perform(get("/api/search/suggest").param("q", "  ")).andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions").isEmpty());
    }
}
