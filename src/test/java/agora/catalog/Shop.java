package agora.catalog;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import agora.test.Api;
import agora.test.Mailbox;

/** Common moves of the commerce tests: verified sellers, products, carts and checkouts over HTTP. */
public final class Shop {

    public static final String ADDRESS = """
            {"name":"Erin Buyer","line1":"Hauptstrasse 1","city":"Berlin","postalCode":"10115","country":"DE"}""";

    private Shop() {
    }

    /** A fresh user who may sell: signed up and email verified through the verification email. */
    public static Api.SignedUp seller(MockMvc mvc, String prefix) throws Exception {
        return Mailbox.signUpVerified(mvc, prefix);
    }

    public static long userId(JdbcClient jdbc, String username) {
        return jdbc.sql("select id from users where username = ?").param(username).query(Long.class).single();
    }

    public static String productJson(String title, long price, String currency, long stock) {
        return """
                {"product":{"title":"%s","description":"A fine thing","price":{"amount":%d,"currency":"%s"},
                 "stock":%d,"tags":["Test","gadgets"],"images":["https://img.example.com/1.png"]}}"""
                .formatted(title, price, currency, stock);
    }

    /** Creates a product and answers its public id. */
    public static String product(MockMvc mvc, Api.SignedUp seller, long price, String currency, long stock)
            throws Exception {
        return product(mvc, seller, "Thing " + Api.uniqueName("p"), price, currency, stock);
    }

    /** Creates a product with this title (no quotes or backslashes) and answers its public id. */
    public static String product(MockMvc mvc, Api.SignedUp seller, String title, long price, String currency,
            long stock) throws Exception {
        var body = mvc.perform(post("/api/products").header("Authorization", seller.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(productJson(title, price, currency, stock)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.product.id");
    }

    public static void addToCart(MockMvc mvc, Api.SignedUp buyer, String productId, int quantity) throws Exception {
        mvc.perform(put("/api/cart/items/" + productId).header("Authorization", buyer.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":" + quantity + "}"))
                .andExpect(status().isOk());
    }

    public static String checkoutJson(String paymentMethod) {
        return "{\"paymentMethod\":\"" + paymentMethod + "\",\"shippingAddress\":" + ADDRESS + "}";
    }

    public static ResultActions checkout(MockMvc mvc, Api.SignedUp buyer, String key, String paymentMethod)
            throws Exception {
        return mvc.perform(post("/api/orders").header("Authorization", buyer.authorization())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content(checkoutJson(paymentMethod)));
    }

    public static int stock(JdbcClient jdbc, String productId) {
        return jdbc.sql("select stock from products where public_id = ?").param(productId).query(Integer.class).single();
    }

    public static long unitsSold(JdbcClient jdbc, String productId) {
        return jdbc.sql("select units_sold from products where public_id = ?").param(productId).query(Long.class)
                .single();
    }

    public static String orderStatus(JdbcClient jdbc, String orderId) {
        return jdbc.sql("select status from orders where public_id = ?").param(orderId).query(String.class).single();
    }

    /** Charges the sandbox bank holds for an order (its ledger is keyed by the order's charge key). */
    public static int sandboxCharges(JdbcClient jdbc, String orderId) {
        return jdbc.sql("select count(*) from sandbox_charges where idempotency_key = ?")
                .param("agora-charge-" + orderId).query(Integer.class).single();
    }
}
