package agora.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.catalog.Shop;
import agora.test.Api;
import agora.test.MutableClock;

/** Real threads against a real server and the real database: no oversell, no double charge. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Configuration.class)
@DirtiesContext
class CheckoutConcurrencyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    final HttpClient http = HttpClient.newHttpClient();

    record Response(int status, String body) {
    }

    Response send(String method, String path, String token, String key, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    String signUp(String prefix) throws Exception {
        var name = Api.uniqueName(prefix);
        var response = send("POST", "/api/users", null, null, Api.userJson(name, name + "@example.com", Api.PASSWORD));
        assertThat(response.status()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.user.token");
    }

    String productOf(String sellerToken, int stock) throws Exception {
        var response = send("POST", "/api/products", sellerToken, null, Shop.productJson("Scarce", 2500, "EUR", stock));
        assertThat(response.status()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.product.id");
    }

    /** Signed up and verified through the verification email (read from the dev mailbox); one per test. */
    String verifiedSeller() throws Exception {
        return Shop.seller(mvc, "racer-seller").token();
    }

    void addToCart(String token, String product) throws Exception {
        assertThat(send("PUT", "/api/cart/items/" + product, token, null, "{\"quantity\":1}").status()).isEqualTo(200);
    }

    static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        var start = new CountDownLatch(1);
        try (var threads = Executors.newFixedThreadPool(tasks.size())) {
            var futures = new ArrayList<Future<T>>();
            for (var task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @Test
    void fiftyBuyersRacingForTenUnitsMakeExactlyTenPaidOrders() throws Exception {
        var product = productOf(verifiedSeller(), 10);
        var buyers = new ArrayList<String>();
        for (int i = 0; i < 50; i++) {
            var token = signUp("racer");
            addToCart(token, product);
            buyers.add(token);
        }

        var responses = race(buyers.stream().<Callable<Response>>map(token -> () -> send("POST", "/api/orders", token,
                UUID.randomUUID().toString(), Shop.checkoutJson("pm_card_visa"))).toList());

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(10);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(40)
                .allSatisfy(r -> assertThat(r.body()).contains(product)
                        .contains("\"status\":409"));
        assertThat(Shop.stock(jdbc, product)).isZero();
        assertThat(Shop.unitsSold(jdbc, product)).isEqualTo(10);
        assertThat(jdbc.sql("""
                select count(*) from orders o join order_lines l on l.order_id = o.id
                where l.product_public_id = ? and o.status = 'PAID'""").param(product).query(Integer.class).single())
                .isEqualTo(10);
        assertThat(jdbc.sql("""
                select count(*) from orders o join order_lines l on l.order_id = o.id where l.product_public_id = ?""")
                .param(product).query(Integer.class).single()).isEqualTo(10);

        // Every paid order, and only those, gets its confirmation email.
        var paidOrders = responses.stream().filter(r -> r.status() == 201)
                .map(r -> "order-confirmation:" + JsonPath.read(r.body(), "$.order.id")).toList();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select dedupe_key from email_outbox where template = 'order-confirmation' and recipient like 'racer-%'""")
                .query(String.class).list(), keys -> keys.size() >= 10);
        assertThat(jdbc.sql("""
                select dedupe_key from email_outbox where template = 'order-confirmation' and recipient like 'racer-%'""")
                .query(String.class).list()).containsExactlyInAnyOrderElementsOf(paidOrders);
    }

    @Test
    void oneCheckoutRetriedConcurrentlyUnderOneKeyMakesOneOrderAndOneCharge() throws Exception {
        var product = productOf(verifiedSeller(), 5);
        var buyer = signUp("retrier");
        addToCart(buyer, product);
        var key = UUID.randomUUID().toString();

        var responses = race(java.util.stream.IntStream.range(0, 12).<Callable<Response>>mapToObj(i -> () -> send("POST",
                "/api/orders", buyer, key, Shop.checkoutJson("pm_card_visa"))).toList());

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        var orderIds = responses.stream().map(r -> (String) JsonPath.read(r.body(), "$.order.id")).distinct().toList();
        assertThat(orderIds).hasSize(1);
        assertThat(responses.stream().map(Response::body).distinct()).hasSize(1);
        assertThat(Shop.sandboxCharges(jdbc, orderIds.getFirst())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from payments where reference = ?").param(orderIds.getFirst())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from order_lines where product_public_id = ?").param(product)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(Shop.stock(jdbc, product)).isEqualTo(4);
    }
}
