package agora.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.test.AgoraTest;
import agora.test.Api;

/**
 * A buyer and a seller who blocked each other (either way) do not see each other's products nor trade, while
 * everyone else does; the blocked side gets 404s, as for a product that does not exist.
 */
@AgoraTest
class BlockedSellersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    record Pair(Api.SignedUp seller, Api.SignedUp buyer, String lamp, String vase) {
    }

    /** A seller with two products, a buyer holding one of them in the cart. */
    Pair pair() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var lamp = Shop.product(mvc, seller, 2500, "EUR", 4);
        var vase = Shop.product(mvc, seller, 1500, "EUR", 4);
        Shop.addToCart(mvc, buyer, lamp, 1);
        return new Pair(seller, buyer, lamp, vase);
    }

    void block(Api.SignedUp blocker, Api.SignedUp blocked) throws Exception {
        mvc.perform(post("/api/profiles/" + blocked.username() + "/block").header("Authorization", blocker.authorization()))
                .andExpect(status().isOk());
    }

    void unblock(Api.SignedUp blocker, Api.SignedUp blocked) throws Exception {
        mvc.perform(delete("/api/profiles/" + blocked.username() + "/block")
                .header("Authorization", blocker.authorization())).andExpect(status().isOk());
    }

    List<String> listed(Api.SignedUp viewer, String seller) throws Exception {
        var request = get("/api/products").param("limit", "100");
        if (seller != null) {
            request.param("seller", seller);
        }
        if (viewer != null) {
            request.header("Authorization", viewer.authorization());
        }
        return JsonPath.read(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(), "$.products[*].id");
    }

    /** The buyer and the seller no longer see nor trade with each other; a third user is unaffected. */
    void apart(Pair pair) throws Exception {
        var buyer = pair.buyer();
        assertThat(listed(buyer, null)).doesNotContain(pair.lamp(), pair.vase());
        assertThat(listed(buyer, pair.seller().username())).isEmpty();
        mvc.perform(get("/api/products").param("seller", pair.seller().username())
                .header("Authorization", buyer.authorization())).andExpect(jsonPath("$.productsCount").value(0));
        mvc.perform(get("/api/products/" + pair.vase()).header("Authorization", buyer.authorization()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/cart/items/" + pair.vase()).header("Authorization", buyer.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":1}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // the lamp was in the cart before the block: the cart says it is not available, checkout names it and
        // reserves and charges nothing
        mvc.perform(get("/api/cart").header("Authorization", buyer.authorization()))
                .andExpect(jsonPath("$.cart.items[0].product.id").value(pair.lamp()))
                .andExpect(jsonPath("$.cart.items[0].available").value(false));
        Shop.checkout(mvc, buyer, UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(pair.lamp())))
                .andExpect(jsonPath("$.errors.product").exists());
        assertThat(Shop.stock(jdbc, pair.lamp())).isEqualTo(4);

        // the seller still sees their own; anyone else sees both
        assertThat(listed(pair.seller(), pair.seller().username())).containsExactly(pair.vase(), pair.lamp());
        var stranger = Api.signUp(mvc, "stranger");
        assertThat(listed(stranger, pair.seller().username())).containsExactly(pair.vase(), pair.lamp());
        assertThat(listed(null, pair.seller().username())).containsExactly(pair.vase(), pair.lamp());
        mvc.perform(get("/api/products/" + pair.vase()).header("Authorization", stranger.authorization()))
                .andExpect(status().isOk());
        Shop.addToCart(mvc, stranger, pair.vase(), 1);
    }

    /** Unblocked, they trade again. */
    void together(Pair pair) throws Exception {
        assertThat(listed(pair.buyer(), pair.seller().username())).containsExactly(pair.vase(), pair.lamp());
        mvc.perform(get("/api/products/" + pair.vase()).header("Authorization", pair.buyer().authorization()))
                .andExpect(status().isOk());
        Shop.addToCart(mvc, pair.buyer(), pair.vase(), 1);
        mvc.perform(get("/api/cart").header("Authorization", pair.buyer().authorization()))
                .andExpect(jsonPath("$.cart.items[*].available").value(Matchers.everyItem(Matchers.is(true))));
        Shop.checkout(mvc, pair.buyer(), UUID.randomUUID().toString(), "pm_card_visa").andExpect(status().isCreated());
    }

    @Test
    void aBuyerBlockedByTheSellerNeitherSeesNorBuysTheirProducts() throws Exception {
        var pair = pair();
        block(pair.seller(), pair.buyer());
        apart(pair);
        unblock(pair.seller(), pair.buyer());
        together(pair);
    }

    @Test
    void aBuyerWhoBlockedTheSellerNeitherSeesNorBuysTheirProducts() throws Exception {
        var pair = pair();
        block(pair.buyer(), pair.seller());
        apart(pair);
        unblock(pair.buyer(), pair.seller());
        together(pair);
    }
}
