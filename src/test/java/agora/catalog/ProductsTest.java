package agora.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.hamcrest.Matchers;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;
import agora.test.MutableClock;

@AgoraTest
@RecordApplicationEvents
class ProductsTest {

    static final String TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    MutableClock clock;

    long productId(String publicId) {
        return jdbc.sql("select id from products where public_id = ?").param(publicId).query(Long.class).single();
    }

    @Test
    void timesAreWrittenWithMillisecondsLikeEveryOtherResponse() throws Exception {
        var seller = Shop.seller(mvc, "clockwork");
        clock.advance(Duration.ofNanos(20_967_000)); // the database keeps microseconds; responses show milliseconds
        var body = mvc.perform(post("/api/products").header("Authorization", seller.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(Shop.productJson("Clock", 4500, "EUR", 1)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(body, "$.product.id");
        mvc.perform(get("/api/products/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.product.createdAt").value(Matchers.matchesPattern(TIMESTAMP)))
                .andExpect(jsonPath("$.product.updatedAt").value(Matchers.matchesPattern(TIMESTAMP)));
        mvc.perform(get("/api/products").param("seller", seller.username())).andExpect(status().isOk())
                .andExpect(jsonPath("$.products[0].createdAt").value(Matchers.matchesPattern(TIMESTAMP)));
    }

    @Test
    void sellingNeedsASignedInUserWithAVerifiedEmail() throws Exception {
        var json = Shop.productJson("Lamp", 1999, "EUR", 3);
        mvc.perform(post("/api/products").contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isUnauthorized());
        var unverified = Api.signUp(mvc, "unverified");
        mvc.perform(post("/api/products").header("Authorization", unverified.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("verify your email address before selling"));
        Mailbox.verifyEmail(mvc, unverified.email());
        mvc.perform(post("/api/products").header("Authorization", unverified.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated());
    }

    @Test
    void createsAndShowsAProductInItsEnvelope() throws Exception {
        var seller = Shop.seller(mvc, "maker");
        var body = mvc.perform(post("/api/products").header("Authorization", seller.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(Shop.productJson("  Desk lamp ", 1999, "EUR", 3)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.product.title").value("Desk lamp"))
                .andExpect(jsonPath("$.product.price.amount").value(1999))
                .andExpect(jsonPath("$.product.price.currency").value("EUR"))
                .andExpect(jsonPath("$.product.stock").value(3))
                .andExpect(jsonPath("$.product.unitsSold").value(0))
                .andExpect(jsonPath("$.product.tags").value(org.hamcrest.Matchers.contains("gadgets", "test")))
                .andExpect(jsonPath("$.product.images[0]").value("https://img.example.com/1.png"))
                .andExpect(jsonPath("$.product.seller.username").value(seller.username()))
                .andReturn().getResponse().getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(body, "$.product.id");
        assertThat(id).startsWith("prd_").doesNotContainPattern("^prd_\\d+$");
        mvc.perform(get("/api/products/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.product.id").value(id));
        mvc.perform(get("/api/products/prd_doesnotexist")).andExpect(status().isNotFound());
        assertThat(events.stream(ProductListed.class)).contains(new ProductListed(productId(id)));
    }

    @Test
    void refusesBadProductsWith422() throws Exception {
        var seller = Shop.seller(mvc, "strict");
        record Case(String json, String field) {
        }
        for (var c : List.of(
                new Case(Shop.productJson("Lamp", -1, "EUR", 3), "price.amount"),
                new Case(Shop.productJson("Lamp", 0, "EUR", 3), "price.amount"),
                new Case(Shop.productJson("Lamp", 100, "EUR", -1), "stock"),
                new Case(Shop.productJson("Lamp", 100, "EUR", 1_000_001), "stock"),
                new Case(Shop.productJson("Lamp", 100, "ABC", 3), "price.currency"),
                new Case(Shop.productJson("Lamp", 100, "eur", 3), "price.currency"),
                new Case(Shop.productJson("Lamp", 100, "XAU", 3), "price.currency"),
                new Case(Shop.productJson("x".repeat(201), 100, "EUR", 3), "title"),
                new Case(Shop.productJson("", 100, "EUR", 3), "title"),
                new Case("{\"product\":{\"title\":\"Lamp\",\"stock\":1}}", "price.amount"),
                new Case("{\"product\":{\"title\":\"Lamp\",\"price\":{\"amount\":1,\"currency\":\"EUR\"},\"stock\":1,"
                        + "\"images\":[\"javascript:alert(1)\"]}}", "images"),
                new Case("{\"product\":{\"title\":\"Lamp\",\"price\":{\"amount\":1,\"currency\":\"EUR\"},\"stock\":1,"
                        + "\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}}", "tags"),
                new Case("{\"product\":{\"title\":\"Lamp\",\"description\":\"" + "d".repeat(5001)
                        + "\",\"price\":{\"amount\":1,\"currency\":\"EUR\"},\"stock\":1}}", "description"),
                new Case("{\"product\":{\"title\":\"Lamp\",\"price\":{\"amount\":\"5\",\"currency\":\"EUR\"},\"stock\":1}}",
                        "amount"),
                new Case("{\"product\":{\"title\":\"Lamp\",\"colour\":\"red\"}}", "colour"),
                new Case("{}", "product"))) {
            mvc.perform(post("/api/products").header("Authorization", seller.authorization())
                    .contentType(MediaType.APPLICATION_JSON).content(c.json()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors['" + c.field() + "']").exists());
        }
    }

    @Test
    void onlyTheSellerChangesOrUnlistsAndUnlistedProductsDisappear() throws Exception {
        var seller = Shop.seller(mvc, "owner");
        var other = Shop.seller(mvc, "intruder");
        var id = Shop.product(mvc, seller, 1000, "EUR", 2);
        var change = "{\"product\":{\"title\":\"Renamed\",\"stock\":7,\"tags\":[\"New\"]}}";

        mvc.perform(put("/api/products/" + id).header("Authorization", other.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(change)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/products/" + id).header("Authorization", other.authorization()))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/products/" + id).header("Authorization", seller.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"product\":{\"stock\":-3}}"))
                .andExpect(status().isUnprocessableContent());

        mvc.perform(put("/api/products/" + id).header("Authorization", seller.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(change))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.product.title").value("Renamed"))
                .andExpect(jsonPath("$.product.stock").value(7))
                .andExpect(jsonPath("$.product.price.amount").value(1000))
                .andExpect(jsonPath("$.product.tags").value(org.hamcrest.Matchers.contains("new")));
        assertThat(events.stream(ProductUpdated.class)).contains(new ProductUpdated(productId(id)));
        assertThat(catalog.findAllById(List.of(productId(id)))).singleElement()
                .satisfies(p -> assertThat(p.title()).isEqualTo("Renamed"));

        mvc.perform(delete("/api/products/" + id).header("Authorization", seller.authorization()))
                .andExpect(status().isNoContent());
        assertThat(events.stream(ProductUnlisted.class)).contains(new ProductUnlisted(productId(id)));
        mvc.perform(get("/api/products/" + id)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/products/" + id).header("Authorization", seller.authorization()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/products").param("seller", seller.username()))
                .andExpect(jsonPath("$.productsCount").value(0));
        assertThat(catalog.findAllById(List.of(productId(id)))).isEmpty();
    }

    @Test
    void listsWithFiltersAndBoundedPages() throws Exception {
        var seller = Shop.seller(mvc, "lister");
        var first = Shop.product(mvc, seller, 100, "EUR", 1);
        var soldOut = Shop.product(mvc, seller, 100, "EUR", 0);
        var tagged = mvc.perform(post("/api/products").header("Authorization", seller.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"product":{"title":"Rare","price":{"amount":5,"currency":"JPY"},"stock":4,
                         "tags":["Unique-Tag-%s"]}}""".formatted(seller.username())))
                .andReturn().getResponse().getContentAsString();
        String taggedId = com.jayway.jsonpath.JsonPath.read(tagged, "$.product.id");

        mvc.perform(get("/api/products").param("seller", seller.username()))
                .andExpect(jsonPath("$.productsCount").value(3))
                .andExpect(jsonPath("$.products[0].id").value(taggedId))
                .andExpect(jsonPath("$.products[2].id").value(first));
        mvc.perform(get("/api/products").param("seller", seller.username()).param("inStock", "true"))
                .andExpect(jsonPath("$.productsCount").value(2))
                .andExpect(jsonPath("$.products[*].id").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem(soldOut))));
        mvc.perform(get("/api/products").param("tag", "unique-tag-" + seller.username()))
                .andExpect(jsonPath("$.productsCount").value(1))
                .andExpect(jsonPath("$.products[0].id").value(taggedId));
        mvc.perform(get("/api/products").param("seller", seller.username()).param("limit", "1").param("offset", "1"))
                .andExpect(jsonPath("$.products.length()").value(1))
                .andExpect(jsonPath("$.products[0].id").value(soldOut))
                .andExpect(jsonPath("$.productsCount").value(3));
        mvc.perform(get("/api/products").param("seller", "nobody-at-all")).andExpect(jsonPath("$.productsCount").value(0));

        mvc.perform(get("/api/products").param("limit", "101")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.limit[0]").value(containsString("between 1 and 100")));
        mvc.perform(get("/api/products").param("limit", "0")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/products").param("offset", "-1")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/products").param("limit", "many")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void theCatalogApiStreamsListedProductsForSearch() throws Exception {
        var seller = Shop.seller(mvc, "indexed");
        var a = productId(Shop.product(mvc, seller, 100, "EUR", 1));
        var b = productId(Shop.product(mvc, seller, 200, "GBP", 2));
        var page = catalog.listAfter(a - 1, 2);
        assertThat(page).extracting(SearchableProduct::id).containsExactly(a, b);
        var second = page.get(1);
        assertThat(second.sellerUsername()).isEqualTo(seller.username());
        assertThat(second.priceAmount()).isEqualTo(200);
        assertThat(second.currency()).isEqualTo("GBP");
        assertThat(second.stock()).isEqualTo(2);
        assertThat(second.tags()).containsExactly("gadgets", "test");
        assertThat(second.createdAt()).isNotNull();
        assertThat(catalog.findAllById(List.of(a, b, -5L))).hasSize(2);
    }

    @Test
    void pagesOfProductsGiveTheirConnectionsBack() throws Exception {
        // More requests than the pool has connections: each must return the one it used.
        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/api/products").param("limit", "5")).andExpect(status().isOk());
        }
    }
}
