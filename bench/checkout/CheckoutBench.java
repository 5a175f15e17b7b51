import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Checkout load scenario: many buyers buy from many products through the HTTP API (cart item, then
 * POST /api/orders with a fresh Idempotency-Key), against a running Agora whose payment provider is the
 * sandbox bank. Prints completed orders per second and checkout latency percentiles.
 *
 * Run with the PostgreSQL driver on the class path (single-file source launch, JDK 21+):
 *   java -cp postgresql.jar CheckoutBench.java --base http://127.0.0.1:PORT --jdbc 'jdbc:postgresql://...' [options]
 * The JDBC URL is used once, to mark the benchmark's sellers as verified (selling needs a verified email).
 */
public class CheckoutBench {

    static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    static final Pattern PRODUCT_ID = Pattern.compile("\"id\":\"(prd_[A-Za-z0-9]+)\"");

    // HTTP/1.1 as browsers speak it to a plain-http server: the default (HTTP/2) makes every new connection
    // offer an h2c upgrade that the server parses and declines.
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String base;

    CheckoutBench(String base) {
        this.base = base;
    }

    record Response(int status, String body) {
    }

    Response send(String method, String path, String token, String key, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
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

    String signUp(String username) throws Exception {
        var response = send("POST", "/api/users", null, null, """
                {"user":{"username":"%s","email":"%s@bench.example.com","password":"bench-pass-%s"}}"""
                .formatted(username, username, username));
        if (response.status() != 201) {
            throw new IllegalStateException("sign-up of " + username + " answered " + response.status() + ": " + response.body());
        }
        var token = TOKEN.matcher(response.body());
        token.find();
        return token.group(1);
    }

    static <T> List<T> inParallel(int count, int concurrency, Task<T> task) throws Exception {
        try (var pool = Executors.newFixedThreadPool(concurrency)) {
            var futures = new ArrayList<java.util.concurrent.Future<T>>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> task.run(n)));
            }
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    interface Task<T> {
        T run(int n) throws Exception;
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public static void main(String[] args) throws Exception {
        var options = new HashMap<String, String>(Map.of("sellers", "10", "products", "200", "buyers", "100",
                "orders", "2000", "concurrency", "32", "stock", "1000000", "warmup", "5000"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var bench = new CheckoutBench(options.getOrDefault("base", "http://127.0.0.1:8080"));
        int sellers = Integer.parseInt(options.get("sellers"));
        int products = Integer.parseInt(options.get("products"));
        int buyers = Integer.parseInt(options.get("buyers"));
        int orders = Integer.parseInt(options.get("orders"));
        int concurrency = Math.min(Integer.parseInt(options.get("concurrency")), buyers);
        var run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        var setupThreads = 8;

        System.out.printf("setup: %d sellers, %d products, %d buyers (run %s)%n", sellers, products, buyers, run);
        var sellerTokens = inParallel(sellers, setupThreads, n -> bench.signUp("bs-" + run + "-" + n));
        try (var db = DriverManager.getConnection(options.get("jdbc"));
                var verify = db.prepareStatement("update users set email_verified_at = now() where username like ?")) {
            verify.setString(1, "bs-" + run + "-%");
            System.out.printf("setup: verified %d sellers%n", verify.executeUpdate());
        }
        var productIds = inParallel(products, setupThreads, n -> {
            var response = bench.send("POST", "/api/products", sellerTokens.get(n % sellers), null, """
                    {"product":{"title":"Bench product %d","description":"Load test item","price":{"amount":%d,
                     "currency":"EUR"},"stock":%s,"tags":["bench"]}}"""
                    .formatted(n, 100 + ThreadLocalRandom.current().nextInt(10_000), options.get("stock")));
            var id = PRODUCT_ID.matcher(response.body());
            if (response.status() != 201 || !id.find()) {
                throw new IllegalStateException("product creation answered " + response.status() + ": " + response.body());
            }
            return id.group(1);
        });
        var buyerTokens = inParallel(buyers, setupThreads, n -> bench.signUp("bb-" + run + "-" + n));

        // Each worker owns its own buyers, so no two requests ever share a cart.
        // Measure the steady state: the server's JIT compilers take about a third of its CPU for the first
        // thousands of orders.
        var warmup = Integer.parseInt(options.get("warmup"));
        System.out.printf("warm-up: %d orders%n", warmup);
        bench.load(warmup, concurrency, buyerTokens, productIds);
        System.out.printf("measure: %d orders, %d concurrent buyers, sandbox bank%n", orders, concurrency);
        bench.load(orders, concurrency, buyerTokens, productIds).print();
    }

    record Result(int orders, double seconds, long[] checkoutMicros, long[] cycleMicros, Map<Integer, Integer> statuses) {

        void print() {
            Arrays.sort(checkoutMicros);
            Arrays.sort(cycleMicros);
            var paid = statuses.getOrDefault(201, 0);
            System.out.printf("statuses: %s%n", statuses);
            System.out.printf("orders/s: %.1f  (%d paid orders in %.1f s)%n", paid / seconds, paid, seconds);
            System.out.printf("checkout latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                    percentile(checkoutMicros, 50) / 1000.0, percentile(checkoutMicros, 95) / 1000.0,
                    percentile(checkoutMicros, 99) / 1000.0, percentile(checkoutMicros, 100) / 1000.0);
            System.out.printf("cart + checkout latency ms: p50 %.1f  p99 %.1f%n", percentile(cycleMicros, 50) / 1000.0,
                    percentile(cycleMicros, 99) / 1000.0);
        }
    }

    Result load(int orders, int concurrency, List<String> buyers, List<String> products) throws Exception {
        var next = new AtomicInteger();
        var checkout = new long[orders];
        var cycle = new long[orders];
        var statuses = new ConcurrentHashMap<Integer, Integer>();
        var failures = new LongAdder();
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                pool.submit(() -> {
                    var mine = new ArrayList<String>();
                    for (int b = worker; b < buyers.size(); b += concurrency) {
                        mine.add(buyers.get(b));
                    }
                    for (int i = next.getAndIncrement(), round = 0; i < orders; i = next.getAndIncrement(), round++) {
                        var token = mine.get(round % mine.size());
                        var product = products.get(ThreadLocalRandom.current().nextInt(products.size()));
                        try {
                            long t0 = System.nanoTime();
                            var cart = send("PUT", "/api/cart/items/" + product, token, null,
                                    "{\"quantity\":" + (1 + ThreadLocalRandom.current().nextInt(2)) + "}");
                            if (cart.status() != 200) {
                                statuses.merge(cart.status(), 1, Integer::sum);
                                continue;
                            }
                            long t1 = System.nanoTime();
                            var order = send("POST", "/api/orders", token, UUID.randomUUID().toString(), """
                                    {"paymentMethod":"pm_card_visa","shippingAddress":{"name":"Bench Buyer",
                                     "line1":"1 Load Street","city":"Berlin","postalCode":"10115","country":"DE"}}""");
                            long t2 = System.nanoTime();
                            statuses.merge(order.status(), 1, Integer::sum);
                            checkout[i] = (t2 - t1) / 1000;
                            cycle[i] = (t2 - t0) / 1000;
                        } catch (Exception e) {
                            failures.increment();
                            statuses.merge(-1, 1, Integer::sum);
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(orders, seconds, Arrays.stream(checkout).filter(v -> v > 0).toArray(),
                Arrays.stream(cycle).filter(v -> v > 0).toArray(), new java.util.TreeMap<>(statuses));
    }
}
