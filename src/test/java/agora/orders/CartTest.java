package agora.orders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import agora.catalog.Shop;
import agora.test.AgoraTest;
import agora.test.Api;

@AgoraTest
class CartTest {

    @Autowired
    MockMvc mvc;

    ResultActions putItem(Api.SignedUp user, String product, String body) throws Exception {
        return mvc.perform(put("/api/cart/items/" + product).header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void keepsQuantitiesPerProductWithTotalsPerCurrency() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var euros = Shop.product(mvc, seller, 250, "EUR", 9);
        var pounds = Shop.product(mvc, seller, 100, "GBP", 9);

        putItem(buyer, euros, "{\"quantity\":2}").andExpect(status().isOk())
                .andExpect(jsonPath("$.cart.items[0].product.id").value(euros))
                .andExpect(jsonPath("$.cart.items[0].quantity").value(2))
                .andExpect(jsonPath("$.cart.items[0].lineTotal").value(500));
        putItem(buyer, euros, "{\"quantity\":3}").andExpect(jsonPath("$.cart.items[0].quantity").value(3));
        putItem(buyer, pounds, "{\"quantity\":1}").andExpect(status().isOk());
        mvc.perform(get("/api/cart").header("Authorization", buyer.authorization()))
                .andExpect(jsonPath("$.cart.items.length()").value(2))
                .andExpect(jsonPath("$.cart.totals[0].currency").value("EUR"))
                .andExpect(jsonPath("$.cart.totals[0].amount").value(750))
                .andExpect(jsonPath("$.cart.totals[1].currency").value("GBP"));
        mvc.perform(delete("/api/cart/items/" + pounds).header("Authorization", buyer.authorization()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.cart.items.length()").value(1));
        mvc.perform(delete("/api/cart/items/" + pounds).header("Authorization", buyer.authorization()))
                .andExpect(status().isNotFound());
        // Carts are per user.
        mvc.perform(get("/api/cart").header("Authorization", seller.authorization()))
                .andExpect(jsonPath("$.cart.items.length()").value(0));
    }

    @Test
    void refusesBadItems() throws Exception {
        var seller = Shop.seller(mvc, "seller");
        var buyer = Api.signUp(mvc, "buyer");
        var product = Shop.product(mvc, seller, 250, "EUR", 9);
        mvc.perform(get("/api/cart")).andExpect(status().isUnauthorized());
        putItem(buyer, product, "{\"quantity\":0}").andExpect(status().isUnprocessableContent());
        putItem(buyer, product, "{\"quantity\":101}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.quantity[0]").value("must be between 1 and 100"));
        putItem(buyer, product, "{\"quantity\":\"2\"}").andExpect(status().isUnprocessableContent());
        putItem(buyer, product, "{}").andExpect(status().isUnprocessableContent());
        putItem(buyer, "prd_unknown", "{\"quantity\":1}").andExpect(status().isNotFound());
        putItem(seller, product, "{\"quantity\":1}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.product[0]").value("is your own; you can't buy it"));
        mvc.perform(delete("/api/products/" + product).header("Authorization", seller.authorization()))
                .andExpect(status().isNoContent());
        putItem(buyer, product, "{\"quantity\":1}").andExpect(status().isNotFound());
    }
}
