package agora.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.test.AgoraTest;
import agora.test.Api;

/** A moderator hides a product: off sale and gone for everyone but its seller, until restored. */
@AgoraTest
@RecordApplicationEvents
class HiddenProductsTest {

    static final String TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductModeration moderation;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    ApplicationEvents events;

    long productId(String publicId) {
        return jdbc.sql("select id from products where public_id = ?").param(publicId).query(Long.class).single();
    }

    List<String> listed(Api.SignedUp viewer, String seller) throws Exception {
        var request = get("/api/products").param("seller", seller);
        if (viewer != null) {
            request.header("Authorization", viewer.authorization());
        }
        return JsonPath.read(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(), "$.products[*].id");
    }

    List<String> searched(String word) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/search").param("q", word).param("type", "product"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.results[*].id");
    }

    @Test
    void aHiddenProductIsGoneForOthersAndShownToItsSellerWithTheReasonUntilRestored() throws Exception {
        var seller = Shop.seller(mvc, "hidden");
        var buyer = Api.signUp(mvc, "shopper");
        var word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).replaceAll("[0-9]", "k");
        var lamp = Shop.product(mvc, seller, "Lamp " + word, 2500, "EUR", 4);
        var vase = Shop.product(mvc, seller, "Vase " + word, 1500, "EUR", 4);
        await().atMost(Duration.ofSeconds(5)).until(() -> searched(word).size() == 2);

        assertThat(moderation.seller(lamp)).hasValue(Shop.userId(jdbc, seller.username()));
        assertThat(moderation.hide(lamp, "counterfeit brand")).isTrue();
        assertThat(events.stream(ProductUnlisted.class).filter(e -> e.productId() == productId(lamp))).hasSize(1);

        // gone for others: lists, the product itself, the catalog other modules read, search
        assertThat(listed(null, seller.username())).containsExactly(vase);
        assertThat(listed(buyer, seller.username())).containsExactly(vase);
        mvc.perform(get("/api/products/" + lamp)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/products/" + lamp).header("Authorization", buyer.authorization()))
                .andExpect(status().isNotFound());
        assertThat(catalog.findAllById(List.of(productId(lamp), productId(vase)))).extracting(SearchableProduct::publicId)
                .containsExactly(vase);
        assertThat(catalog.listAfter(productId(lamp) - 1, 10)).extracting(SearchableProduct::publicId)
                .doesNotContain(lamp);
        await().atMost(Duration.ofSeconds(1)).until(() -> searched(word).equals(List.of(vase)));
        // others cannot change it either: it does not exist for them
        mvc.perform(put("/api/products/" + lamp).header("Authorization", buyer.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"product\":{\"stock\":1}}"))
                .andExpect(status().isNotFound());

        // its seller sees it, and why
        mvc.perform(get("/api/products/" + lamp).header("Authorization", seller.authorization()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.product.hidden.reason").value("counterfeit brand"))
                .andExpect(jsonPath("$.product.hidden.at").value(Matchers.matchesPattern(TIMESTAMP)));
        assertThat(listed(seller, seller.username())).containsExactly(vase, lamp);
        mvc.perform(get("/api/products/" + vase).header("Authorization", seller.authorization()))
                .andExpect(jsonPath("$.product.hidden").doesNotExist());
        // hiding again changes nothing and announces nothing
        assertThat(moderation.hide(lamp, "another reason")).isTrue();
        assertThat(events.stream(ProductUnlisted.class).filter(e -> e.productId() == productId(lamp))).hasSize(1);
        mvc.perform(get("/api/products/" + lamp).header("Authorization", seller.authorization()))
                .andExpect(jsonPath("$.product.hidden.reason").value("counterfeit brand"));

        assertThat(moderation.restore(lamp)).isTrue();
        // its creation's, and the restore's
        assertThat(events.stream(ProductListed.class).filter(e -> e.productId() == productId(lamp))).hasSize(2);
        mvc.perform(get("/api/products/" + lamp).header("Authorization", buyer.authorization()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.product.hidden").doesNotExist());
        assertThat(listed(buyer, seller.username())).containsExactly(vase, lamp);
        await().atMost(Duration.ofSeconds(1)).until(() -> searched(word).size() == 2);
        Shop.addToCart(mvc, buyer, lamp, 1);
    }

    @Test
    void aHiddenProductCannotBeAddedToACartNorCheckedOutFromOne() throws Exception {
        var seller = Shop.seller(mvc, "hidden");
        var buyer = Api.signUp(mvc, "shopper");
        var lamp = Shop.product(mvc, seller, 2500, "EUR", 4);
        var vase = Shop.product(mvc, seller, 1500, "EUR", 4);
        Shop.addToCart(mvc, buyer, lamp, 1);
        Shop.addToCart(mvc, buyer, vase, 1);
        moderation.hide(lamp, "unsafe");
        moderation.hide(vase, "unsafe");

        mvc.perform(get("/api/cart").header("Authorization", buyer.authorization()))
                .andExpect(jsonPath("$.cart.items[0].product.id").value(lamp))
                .andExpect(jsonPath("$.cart.items[0].available").value(false));
        // a cart that holds it refuses checkout naming the product; nothing is reserved
        Shop.checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(lamp)));
        assertThat(Shop.stock(jdbc, lamp)).isEqualTo(4);
        // adding it (again) is refused as for any product the buyer cannot see
        mvc.perform(put("/api/cart/items/" + vase).header("Authorization", buyer.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":2}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        moderation.restore(vase);
        mvc.perform(delete("/api/cart/items/" + lamp).header("Authorization", buyer.authorization()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/cart").header("Authorization", buyer.authorization()))
                .andExpect(jsonPath("$.cart.items[0].product.id").value(vase))
                .andExpect(jsonPath("$.cart.items[0].available").value(true));
        Shop.checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isCreated());
    }

    @Test
    void aSellersWithdrawalOutlastsAModeratorsRestore() throws Exception {
        var seller = Shop.seller(mvc, "hidden");
        var lamp = Shop.product(mvc, seller, 2500, "EUR", 4);
        moderation.hide(lamp, "misleading photos");
        // the seller may still withdraw what a moderator hid
        mvc.perform(delete("/api/products/" + lamp).header("Authorization", seller.authorization()))
                .andExpect(status().isNoContent());
        assertThat(moderation.restore(lamp)).isTrue();
        // ProductListed only from its creation: the restore put nothing back on sale
        assertThat(events.stream(ProductListed.class).filter(e -> e.productId() == productId(lamp))).hasSize(1);
        mvc.perform(get("/api/products/" + lamp).header("Authorization", seller.authorization()))
                .andExpect(status().isNotFound());
        assertThat(listed(seller, seller.username())).isEmpty();

        assertThat(moderation.hide("prd_nosuchproduct", "spam")).isFalse();
        assertThat(moderation.restore("prd_nosuchproduct")).isFalse();
        assertThat(moderation.seller("prd_nosuchproduct")).isEmpty();
    }
}
