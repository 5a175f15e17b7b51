import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
 * The JDBC URL marks the benchmark's sellers as verified (selling needs a verified email) and, with
 * {@code --server-pid}, finds the PostgreSQL processes whose CPU the measured phase is charged with.
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
        var body = """
                {"user":{"username":"%s","email":"%s@bench.example.com","password":"bench-pass-%s"}}"""
                .formatted(username, username, username);
        var response = send("POST", "/api/users", null, null, body);
        // Password hashing sheds load (503) when too many run at once, as on a machine shared with other work.
        for (int retry = 0; response.status() == 503 && retry < 20; retry++) {
            Thread.sleep(250);
            response = send("POST", "/api/users", null, null, body);
        }
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
                "orders", "2000", "concurrency", "32", "stock", "1000000", "warmup", "5000", "clk-tck", "100"));
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
        if (!options.containsKey("server-pid")) {
            bench.load(orders, concurrency, buyerTokens, productIds).print();
            return;
        }
        try (var db = DriverManager.getConnection(options.get("jdbc"))) {
            var meter = new CpuMeter(Long.parseLong(options.get("server-pid")), db);
            // The pauses let the server finish what the orders before them set off (emails, search) and let
            // PostgreSQL's backends flush their statistics (at most a second late), so both ends are at rest.
            Thread.sleep(1500);
            var start = meter.sample();
            var result = bench.load(orders, concurrency, buyerTokens, productIds);
            Thread.sleep(1500);
            var end = meter.sample();
            result.print();
            end.minus(start).print(result.paid(), 1000.0 / Integer.parseInt(options.get("clk-tck")));
        }
    }

    /**
     * CPU ticks (user + system) of the server, PostgreSQL and this client, read from {@code /proc}. PostgreSQL is the
     * postmaster, its background processes (checkpointer, background writer, walwriter, launchers) and the backends
     * of the bench database; backends of other databases are left out, but the background processes work for every
     * database, and children that exited (autovacuum workers, closed connections) can only be counted through the
     * postmaster's cutime/cstime, whatever their database: on a machine shared with other databases' work only the
     * bench database's backends are the bench's alone, so each part is shown.
     */
    record CpuSample(long server, long serverJit, long serverGc, Map<Long, Long> backends, Map<Long, Long> background,
            long postgresExited, long client, long machineBusy, long commits, long rollbacks) {

        CpuSample minus(CpuSample start) {
            return new CpuSample(server - start.server, serverJit - start.serverJit, serverGc - start.serverGc,
                    since(backends, start.backends), since(background, start.background),
                    postgresExited - start.postgresExited, client - start.client, machineBusy - start.machineBusy,
                    commits - start.commits, rollbacks - start.rollbacks);
        }

        /** A process that started during the phase counts from zero; one that ended is in postgresExited. */
        private static Map<Long, Long> since(Map<Long, Long> now, Map<Long, Long> start) {
            var spent = new HashMap<Long, Long>();
            now.forEach((pid, ticks) -> spent.put(pid, ticks - start.getOrDefault(pid, 0L)));
            return spent;
        }

        void print(int orders, double msPerTick) {
            double ours = backends.values().stream().mapToLong(Long::longValue).sum();
            double shared = background.values().stream().mapToLong(Long::longValue).sum();
            double pg = ours + shared + postgresExited;
            java.util.function.DoubleUnaryOperator perOrder = ticks -> ticks * msPerTick / Math.max(1, orders);
            System.out.printf("cpu ms per order: server %.2f (JIT %.2f, GC %.2f)  postgres %.2f (bench database's backends"
                    + " %.2f, postmaster and background processes %.2f, exited children %.2f)%n",
                    perOrder.applyAsDouble(server), perOrder.applyAsDouble(serverJit), perOrder.applyAsDouble(serverGc),
                    perOrder.applyAsDouble(pg), perOrder.applyAsDouble(ours), perOrder.applyAsDouble(shared),
                    perOrder.applyAsDouble(postgresExited));
            System.out.printf("cpu ms per order: server+postgres %.2f (server+backends %.2f)  client %.2f  machine %.2f"
                    + " (every process, other work included)%n", perOrder.applyAsDouble(server + pg),
                    perOrder.applyAsDouble(server + ours), perOrder.applyAsDouble(client),
                    perOrder.applyAsDouble(machineBusy));
            // pg_stat_database counts every transaction, a statement run outside one included.
            System.out.printf("bench database: %.2f transactions committed and %.2f rolled back per order%n",
                    commits / (double) Math.max(1, orders), rollbacks / (double) Math.max(1, orders));
            try {
                System.out.printf("load average (1, 5, 15 min) at the end: %s%n",
                        String.join(", ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static final class CpuMeter {

        final long serverPid;
        final Connection db;

        CpuMeter(long serverPid, Connection db) {
            this.serverPid = serverPid;
            this.db = db;
        }

        CpuSample sample() throws Exception {
            long jit = 0;
            long gc = 0;
            try (var threads = Files.list(Path.of("/proc/" + serverPid + "/task"))) {
                for (var thread : threads.toList()) {
                    var stat = stat(thread.resolve("stat"));
                    if (stat == null) {
                        continue;
                    }
                    var name = stat.name();
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        jit += stat.ticks();
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                        gc += stat.ticks();
                    }
                }
            }
            var backends = new HashMap<Long, Long>();
            var background = new HashMap<Long, Long>();
            long postmaster = 0;
            try (var activity = db.prepareStatement("""
                    select pid, xact_commit, xact_rollback, datname is not null from pg_stat_activity
                    cross join (select xact_commit, xact_rollback from pg_stat_database where datname = current_database()) d
                    where datname is null or datname = current_database()""");
                    var rows = activity.executeQuery()) {
                long commits = 0;
                long rollbacks = 0;
                while (rows.next()) {
                    commits = rows.getLong(2);
                    rollbacks = rows.getLong(3);
                    var stat = stat(Path.of("/proc/" + rows.getLong(1) + "/stat"));
                    if (stat != null) {
                        (rows.getBoolean(4) ? backends : background).put(rows.getLong(1), stat.ticks());
                        postmaster = stat.parent();
                    }
                }
                var main = stat(Path.of("/proc/" + postmaster + "/stat"));
                background.put(postmaster, main.ticks());
                var machine = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                // user, nice, system, irq, softirq (guest time is inside user; idle, iowait and steal are not ours)
                long busy = 0;
                for (int field : new int[] {1, 2, 3, 6, 7}) {
                    busy += Long.parseLong(machine[field]);
                }
                return new CpuSample(stat(Path.of("/proc/" + serverPid + "/stat")).ticks(), jit, gc, backends,
                        background, main.childTicks(), stat(Path.of("/proc/self/stat")).ticks(), busy, commits, rollbacks);
            }
        }

        record Stat(String name, long parent, long ticks, long childTicks) {
        }

        /** Fields of /proc/PID/stat (see proc(5)); null when the process or thread has gone. */
        static Stat stat(Path path) throws java.io.IOException {
            String text;
            try {
                text = Files.readString(path);
            } catch (java.nio.file.NoSuchFileException e) {
                return null;
            }
            // The name is in parentheses and may hold spaces; the numbered fields follow the last ')'.
            var fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return new Stat(text.substring(text.indexOf('(') + 1, text.lastIndexOf(')')), Long.parseLong(fields[1]),
                    Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
        }
    }

    record Result(int orders, double seconds, long[] checkoutMicros, long[] cycleMicros, Map<Integer, Integer> statuses) {

        int paid() {
            return statuses.getOrDefault(201, 0);
        }

        void print() {
            Arrays.sort(checkoutMicros);
            Arrays.sort(cycleMicros);
            var paid = paid();
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
