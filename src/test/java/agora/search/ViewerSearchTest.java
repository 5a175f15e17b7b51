package agora.search;

import static agora.search.SearchTesting.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import agora.accounts.AccountModeration;
import agora.accounts.UserDirectory;
import agora.catalog.Shop;
import agora.social.PostModeration;
import agora.test.AgoraTest;
import agora.test.Api;

/**
 * Search for one viewer: people they blocked, who blocked them or whom they muted, and muted tags, are left out of
 * results, facets and completions; hidden posts and suspended people leave search for everyone within a second.
 */
@AgoraTest
class ViewerSearchTest {

    private static final Duration FRESH = Duration.ofSeconds(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    PostModeration moderation;

    @Autowired
    AccountModeration accounts;

    @Autowired
    UserDirectory directory;

    /** A made-up word no other content has: letters only, so it is one token. */
    private static String word() {
        var letters = new StringBuilder("zv");
        ThreadLocalRandom.current().ints(9, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        return letters.toString();
    }

    private DocumentContext search(Api.SignedUp viewer, String path, String q) throws Exception {
        var request = get(path).param("q", q);
        if (viewer != null) {
            request.header("Authorization", viewer.authorization());
        }
        return JsonPath.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private List<String> ids(Api.SignedUp viewer, String q) throws Exception {
        return search(viewer, "/api/search", q).read("$.results[*].id");
    }

    private String publish(Api.SignedUp author, String title, String tag) throws Exception {
        var json = """
                {"article":{"title":"%s","description":"notes","body":"text","tagList":["%s"]}}""".formatted(title, tag);
        var answer = mvc.perform(post("/api/articles").header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.article.slug");
    }

    private void act(Api.SignedUp user, String path) throws Exception {
        mvc.perform(post(path).header("Authorization", user.authorization())).andExpect(status().isOk());
    }

    @Test
    void leavesOutWhatTheViewerBlockedOrMutedAndWhoBlockedThem() throws Exception {
        var w = word();
        var viewer = Api.signUp(mvc, "viewer");
        var plain = Api.signUp(mvc, "plain");
        var blocked = Api.signUp(mvc, "blocked");
        var blocker = Api.signUp(mvc, "blocker");
        var muted = Api.signUp(mvc, "muted");
        var seller = Shop.seller(mvc, "seller");
        var mutedTag = "mt" + word();
        var plainPost = publish(plain, w + " plain", "open");
        var mutedTagPost = publish(plain, w + " spoiler", mutedTag);
        var blockedPost = publish(blocked, w + " blocked", "open");
        var blockerPost = publish(blocker, w + " blocker", "open");
        var mutedPost = publish(muted, w + " muted", "open");
        var product = Shop.product(mvc, seller, w + " product", 900, "EUR", 5);
        var everything = List.of(plainPost, mutedTagPost, blockedPost, blockerPost, mutedPost, product);
        await(Duration.ofSeconds(5), () -> ids(null, w).containsAll(everything));

        act(viewer, "/api/profiles/" + blocked.username() + "/block");
        act(viewer, "/api/profiles/" + seller.username() + "/block");
        act(blocker, "/api/profiles/" + viewer.username() + "/block");
        act(viewer, "/api/profiles/" + muted.username() + "/mute");
        act(viewer, "/api/tags/" + mutedTag + "/mute");

        assertThat(ids(viewer, w)).containsExactly(plainPost);
        assertThat(ids(null, w)).containsExactlyInAnyOrderElementsOf(everything);
        assertThat(ids(plain, w)).containsExactlyInAnyOrderElementsOf(everything);
        var answer = search(viewer, "/api/search", w);
        assertThat((Integer) answer.read("$.total")).isEqualTo(1);
        assertThat((Map<String, Object>) answer.read("$.facets.tags")).containsOnlyKeys("open");
        // people: the blocked, the blocker and the muted are not found by this viewer
        for (var person : List.of(blocked, blocker, muted, seller)) {
            assertThat(ids(viewer, person.username())).as(person.username()).doesNotContain(person.username());
            assertThat(ids(null, person.username())).as(person.username()).contains(person.username());
        }
        // completions: titles by hidden people and muted tags are not offered
        List<String> offered = search(viewer, "/api/search/suggest", w).read("$.suggestions[*].text");
        assertThat(offered).containsExactly(w + " plain");
        List<String> offeredToAll = search(null, "/api/search/suggest", w).read("$.suggestions[*].text");
        assertThat(offeredToAll).hasSize(6);
        List<String> tags = search(viewer, "/api/search/suggest", mutedTag).read("$.suggestions[*].text");
        assertThat(tags).doesNotContain(mutedTag);
        List<String> tagsToAll = search(null, "/api/search/suggest", mutedTag).read("$.suggestions[*].text");
        assertThat(tagsToAll).contains(mutedTag);
    }

    @Test
    void aHiddenPostLeavesSearchWithinOneSecondAndComesBackWhenRestored() throws Exception {
        var w = word();
        var author = Api.signUp(mvc, "author");
        var slug = publish(author, w + " rude", "open");
        await(Duration.ofSeconds(5), () -> ids(null, w).contains(slug));

        moderation.hidePost(slug, "rude");
        assertThat(await(FRESH, () -> !ids(null, w).contains(slug))).isLessThan(FRESH);
        assertThat(ids(author, w)).doesNotContain(slug);
        moderation.restorePost(slug);
        assertThat(await(FRESH, () -> ids(null, w).contains(slug))).isLessThan(FRESH);
    }

    @Test
    void aSuspendedPersonAndTheirPostsLeaveSearchUntilTheSuspensionIsLifted() throws Exception {
        var w = word();
        var suspect = Api.signUp(mvc, "suspect");
        var slug = publish(suspect, w + " words", "open");
        await(Duration.ofSeconds(5), () -> ids(null, w).contains(slug) && ids(null, suspect.username())
                .contains(suspect.username()));
        var id = directory.findByUsername(suspect.username()).orElseThrow().id();

        accounts.suspend(id, null, "spam");
        await(Duration.ofSeconds(5), () -> !ids(null, w).contains(slug)
                && !ids(null, suspect.username()).contains(suspect.username()));
        accounts.liftSuspension(id);
        await(Duration.ofSeconds(5), () -> ids(null, w).contains(slug)
                && ids(null, suspect.username()).contains(suspect.username()));
    }
}
