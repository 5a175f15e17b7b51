package agora.search;

import static agora.search.SearchTesting.await;
import static agora.search.SearchTesting.ids;
import static agora.search.SearchTesting.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.catalog.Shop;
import agora.test.AgoraTest;
import agora.test.Api;

/**
 * Posts and products from the social and catalog modules, end to end through their HTTP APIs: searchable
 * within a second of a change, gone when deleted or unlisted, reordered by likes and sales, filtered and
 * counted by price, and found under their author's current name.
 */
@AgoraTest
class ContentSearchTest {

    private static final Duration FRESH = Duration.ofSeconds(1);

    @Autowired
    MockMvc mvc;

    /** A made-up word no other content has: letters only, so it is one token. */
    private static String word() {
        var letters = new StringBuilder("zq");
        ThreadLocalRandom.current().ints(9, 'a', 'z' + 1).forEach(c -> letters.append((char) c));
        return letters.toString();
    }

    private List<String> find(String parameters) throws Exception {
        return ids(search(mvc, parameters));
    }

    private String publish(Api.SignedUp author, String title, String body, String... tags) throws Exception {
        var tagList = String.join("\",\"", tags);
        var json = """
                {"article":{"title":"%s","description":"notes","body":"%s","tagList":["%s"]}}"""
                .formatted(title, body, tagList);
        var answer = mvc.perform(post("/api/articles").header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.article.slug");
    }

    @Test
    void aPostIsSearchableWithinOneSecondOfEachChangeAndLeavesWhenDeleted() throws Exception {
        var author = Api.signUp(mvc, "writer");
        var first = word();
        var slug = publish(author, "Glaze chemistry " + first, "Cone six recipes.", "ceramics");
        assertThat(await(FRESH, () -> find("type=post&q=" + first).contains(slug))).isLessThan(FRESH);
        var answer = search(mvc, "type=post&q=" + first);
        assertThat((String) answer.read("$.results[0].type")).isEqualTo("post");
        assertThat((String) answer.read("$.results[0].author")).isEqualTo(author.username());
        assertThat((List<String>) answer.read("$.results[0].tags")).containsExactly("ceramics");
        assertThat((Integer) answer.read("$.facets.tags.ceramics")).isEqualTo(1);

        var second = word();
        mvc.perform(put("/api/articles/" + slug).header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"article\":{\"body\":\"Now about " + second + " only.\"}}"))
                .andExpect(status().isOk());
        await(FRESH, () -> find("type=post&q=" + second).contains(slug));
        assertThat(find("q=" + first)).containsExactly(slug);

        mvc.perform(delete("/api/articles/" + slug).header("Authorization", author.authorization()))
                .andExpect(status().isNoContent());
        await(FRESH, () -> find("q=" + first).isEmpty());
        assertThat(find("q=" + second)).isEmpty();
    }

    @Test
    void likesLiftAPostAboveAnotherAsRelevant() throws Exception {
        var author = Api.signUp(mvc, "twins");
        var topic = word();
        publish(author, "Teapot " + topic, "Same words.", "tea");
        publish(author, "Teapot " + topic, "Same words.", "tea");
        await(FRESH, () -> find("q=" + topic).size() == 2);
        var before = find("q=" + topic);

        for (var i = 0; i < 3; i++) {
            var reader = Api.signUp(mvc, "fan");
            mvc.perform(post("/api/articles/{slug}/favorite", before.get(1)).header("Authorization", reader.authorization()))
                    .andExpect(status().isOk());
        }
        await(FRESH, () -> find("q=" + topic).equals(before.reversed()));
    }

    @Test
    void productsAreFilteredSortedAndCountedByPriceAndLeaveWhenUnlisted() throws Exception {
        var seller = Shop.seller(mvc, "potter");
        var kind = word();
        var mug = Shop.product(mvc, seller, "Mug " + kind, 900, "EUR", 5);
        var bowl = Shop.product(mvc, seller, "Bowl " + kind, 4500, "EUR", 5);
        var jug = Shop.product(mvc, seller, "Jug " + kind, 3000, "USD", 5);
        await(FRESH, () -> find("q=" + kind).size() == 3);

        assertThat(find("q=" + kind + "&currency=EUR&minPrice=2000")).containsExactly(bowl);
        assertThat(find("q=" + kind + "&currency=EUR&maxPrice=2000")).containsExactly(mug);
        assertThat(find("q=" + kind + "&currency=USD")).containsExactly(jug);
        assertThat(find("q=" + kind + "&sort=price_asc&currency=EUR")).containsExactly(mug, bowl);
        assertThat(find("q=" + kind + "&sort=price_desc&currency=EUR")).containsExactly(bowl, mug);
        var answer = search(mvc, "q=" + kind + "&type=product");
        assertThat((Integer) answer.read("$.facets.type.product")).isEqualTo(3);
        assertThat((List<Integer>) answer.read("$.facets.price[?(@.currency == 'EUR')].count")).containsOnly(1);
        assertThat((List<Integer>) answer.read("$.results[?(@.id == '" + mug + "')].price.amount")).containsExactly(900);
        assertThat((List<String>) answer.read("$.results[?(@.id == '" + mug + "')].seller"))
                .containsExactly(seller.username());

        mvc.perform(delete("/api/products/" + mug).header("Authorization", seller.authorization()))
                .andExpect(status().isNoContent());
        await(FRESH, () -> !find("q=" + kind).contains(mug));
        assertThat(find("q=" + kind + "&currency=EUR")).containsExactly(bowl);
    }

    @Test
    void salesLiftAProductAboveAnotherAsRelevant() throws Exception {
        var seller = Shop.seller(mvc, "maker");
        var kind = word();
        Shop.product(mvc, seller, "Vase " + kind, 2000, "EUR", 10);
        Shop.product(mvc, seller, "Vase " + kind, 2000, "EUR", 10);
        await(FRESH, () -> find("q=" + kind).size() == 2);
        var before = find("q=" + kind);

        var buyer = Api.signUp(mvc, "buyer");
        Shop.addToCart(mvc, buyer, before.get(1), 2);
        Shop.checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isCreated());
        await(FRESH, () -> find("q=" + kind).equals(before.reversed()));
    }

    @Test
    void postsAndProductsAreFoundUnderTheirMakersCurrentName() throws Exception {
        var author = Shop.seller(mvc, "oldname");
        var topic = word();
        var slug = publish(author, "Workshop diary " + topic, "Sawdust everywhere.", "wood");
        var stool = Shop.product(mvc, author, "Stool " + topic, 8000, "EUR", 1);
        await(FRESH, () -> find("q=" + topic).size() == 2);
        assertThat(find("type=post&type=product&q=" + author.username())).contains(slug, stool);

        var renamed = Api.uniqueName("newname");
        mvc.perform(put("/api/user").header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"user\":{\"username\":\"" + renamed + "\"}}"))
                .andExpect(status().isOk());
        await(FRESH, () -> find("type=post&type=product&q=" + renamed).containsAll(List.of(slug, stool)));
        assertThat(find("type=post&type=product&q=" + author.username())).doesNotContain(slug, stool);
        assertThat((List<String>) search(mvc, "type=post&q=" + topic).read("$.results[*].author"))
                .containsExactly(renamed);
    }

    @Test
    void aDeletedAccountLeavesTheIndexAndItsPostsKeepANeutralAuthor() throws Exception {
        var author = Api.signUp(mvc, "leaving");
        var topic = word();
        var slug = publish(author, "Farewell " + topic, "Last words.", "bye");
        await(FRESH, () -> find("type=profile&q=" + author.username()).contains(author.username())
                && find("q=" + topic).contains(slug));

        mvc.perform(delete("/api/user").header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + Api.PASSWORD + "\"}"))
                .andExpect(status().isNoContent());
        await(FRESH, () -> find("type=profile&q=" + author.username()).isEmpty());
        await(FRESH, () -> !find("type=post&q=" + author.username()).contains(slug));
        List<String> names = search(mvc, "q=" + topic).read("$.results[*].author");
        assertThat(names).singleElement().asString().startsWith("deleted-user-");
    }
}
