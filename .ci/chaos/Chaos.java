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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The chaos suite: a bounded mixed workload through nginx against a cluster made by ops/cluster/up.sh, while parts
 * of it fail one after another; then it proves the invariants and prints every figure. Exits 1 when one fails.
 *
 *   java -cp postgresql.jar Chaos.java <cluster work directory>
 *
 * Each product has a photo, uploaded through the balancer; at the end every node must serve every photo (images
 * live in the cluster's S3). Faults, in order: a node killed (SIGKILL) while checkouts are in flight, then
 * restarted; every node restarted in turn with SIGTERM (a rolling deploy); Redis stopped for 10 s; the SMTP sink
 * stopped for 10 s; the PostgreSQL primary stopped for 2 s and started again, then the replica stopped for 10 s.
 */
public class Chaos {

    static final Pattern SLUG = Pattern.compile("\"slug\":\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    static final Pattern ORDER_ID = Pattern.compile("\"id\":\"(ord_[A-Za-z0-9]+)\"");
    static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    static final Pattern PRODUCT_ID = Pattern.compile("\"id\":\"(prd_[A-Za-z0-9]+)\"");
    static final Pattern COMMENT_ID = Pattern.compile("\"comment\":\\{\"id\":(\\d+)");
    static final Pattern IMAGE_ID = Pattern.compile("\"id\":\"(img_[A-Za-z0-9]+)\"");
    static final Pattern PHOTO_URL = Pattern.compile("\"medium\":\"([^\"]+)\"");
    static final Pattern VERIFY_TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    static final String PASSWORD = "chaos-pass-2026";
    static final int WORKERS = 10;
    static final int PRODUCTS = 12;
    static final int STOCK = 25;

    final Map<String, String> env;
    final Path work;
    final String lb;
    final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // what happened
    record Call(String phase, boolean partDown, String method, String path, int status, boolean problemShape,
            String error) {
    }

    final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    volatile String phase = "setup";
    final long started = System.nanoTime();
    volatile boolean partDown;
    /** A SIGKILL, from just before it was sent until the process was gone. */
    record Kill(String what, java.time.Instant from, java.time.Instant by) {

        /** Whether the sink received an email in the moment before this kill: its sender may not know it arrived. */
        boolean caught(java.time.Instant received) {
            return !received.isBefore(from.minusSeconds(2)) && !received.isAfter(by);
        }
    }

    /** The kills after which an email in the sink can rightly be there twice (see inDoubt). */
    final List<Kill> kills = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile boolean running = true;
    final Map<String, Long> recovery = new LinkedHashMap<>();

    // what was acknowledged (2xx)
    final Set<String> users = ConcurrentHashMap.newKeySet();
    final Set<String> posts = ConcurrentHashMap.newKeySet();
    final Set<Long> comments = ConcurrentHashMap.newKeySet();
    final Set<String> likes = ConcurrentHashMap.newKeySet();     // username|slug
    final Set<String> follows = ConcurrentHashMap.newKeySet();   // follower|followee
    final Map<String, Set<String>> ordersByKey = new ConcurrentHashMap<>();
    final Set<String> paidOrders = ConcurrentHashMap.newKeySet();
    final List<String> products = new CopyOnWriteArrayList<>();
    final List<String> photos = new CopyOnWriteArrayList<>();   // served URLs of the products' photos
    final AtomicInteger counter = new AtomicInteger();

    record User(String name, String token) {
    }

    Chaos(Path work) throws Exception {
        this.work = work;
        this.env = new HashMap<>();
        for (var line : Files.readAllLines(work.resolve("cluster.env"))) {
            var eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        this.lb = "http://127.0.0.1:" + env.get("LB_PORT");
    }

    public static void main(String[] args) throws Exception {
        System.exit(new Chaos(Path.of(args[0])).suite() ? 0 : 1);
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------

    HttpResponse<String> send(String base, String method, String path, String body, String token, String key) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Token " + token);
        }
        if (key != null) {
            builder.header("Idempotency-Key", key);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        var downAtStart = partDown;
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            var problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            calls.add(new Call(phase, downAtStart || partDown, method, template(path), response.statusCode(), problem, null));
            return response;
        } catch (Exception e) {
            calls.add(new Call(phase, downAtStart || partDown, method, template(path), 0, false, e.getClass().getSimpleName()));
            return null;
        }
    }

    /** Uploads a small generated JPEG through the balancer (so either node stores it) and answers its id. */
    String uploadPhoto(String token) throws Exception {
        var picture = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var graphics = picture.createGraphics();
        graphics.setColor(new java.awt.Color(ThreadLocalRandom.current().nextInt(0xffffff)));
        graphics.fillRect(0, 0, 640, 480);
        graphics.dispose();
        var jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "jpg", jpeg);
        var boundary = "chaos" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lamp.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes());
        body.write(jpeg.toByteArray());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes());
        var response = http.send(HttpRequest.newBuilder(URI.create(lb + "/api/images")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Token " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("photo upload answered " + response.statusCode() + ": " + response.body());
        }
        return find(IMAGE_ID, response.body());
    }

    HttpResponse<String> api(String method, String path, String body, String token) {
        return send(lb, method, "/api" + path, body, token, null);
    }

    static boolean ok(HttpResponse<String> response) {
        return response != null && response.statusCode() / 100 == 2;
    }

    static String find(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    static String template(String path) {
        return path.replaceAll("\\?.*", "").replaceAll("/(ord|prd)_[A-Za-z0-9]+", "/{id}")
                .replaceAll("/articles/[^/]+", "/articles/{slug}").replaceAll("/profiles/[^/]+", "/profiles/{name}")
                .replaceAll("/comments/\\d+", "/comments/{id}");
    }

    // ---- setup ---------------------------------------------------------------------------------------------

    User signUp(String prefix) {
        var name = prefix + run + counter.incrementAndGet();
        for (var attempt = 0; attempt < 5; attempt++) {
            var response = api("POST", "/users", "{\"user\":{\"username\":\"" + name + "\",\"email\":\"" + name
                    + "@example.com\",\"password\":\"" + PASSWORD + "\"}}", null);
            if (ok(response)) {
                users.add(name);
                return new User(name, find(TOKEN, response.body()));
            }
            if (response != null && response.statusCode() == 422) {
                return login(name); // an earlier attempt made it after all
            }
            pause(500);
        }
        return null;
    }

    User login(String name) {
        var response = api("POST", "/users/login", "{\"user\":{\"email\":\"" + name + "@example.com\",\"password\":\""
                + PASSWORD + "\"}}", null);
        return ok(response) ? new User(name, find(TOKEN, response.body())) : null;
    }

    void verify(User user) throws Exception {
        var mailApi = "http://127.0.0.1:" + env.get("MAIL_API_PORT") + "/api/email";
        for (var i = 0; i < 120; i++) {
            var emails = http.send(HttpRequest.newBuilder(URI.create(mailApi)).build(), HttpResponse.BodyHandlers.ofString()).body();
            var at = emails.indexOf(user.name() + "@example.com");
            var token = at < 0 ? null : find(VERIFY_TOKEN, emails.substring(at));
            if (token != null && ok(api("POST", "/users/verification", "{\"token\":\"" + token + "\"}", null))) {
                return;
            }
            pause(500);
        }
        throw new IllegalStateException("no verification email for " + user.name());
    }

    List<User> setUp() throws Exception {
        for (var s = 0; s < 3; s++) {
            var seller = signUp("seller");
            verify(seller);
            for (var p = 0; p < PRODUCTS / 3; p++) {
                var photo = uploadPhoto(seller.token());
                var response = api("POST", "/products", "{\"product\":{\"title\":\"Chaos lamp " + run + " " + s + p
                        + "\",\"description\":\"made under fire\",\"price\":{\"amount\":" + (1000 + 100 * p)
                        + ",\"currency\":\"EUR\"},\"stock\":" + STOCK + ",\"tags\":[\"chaos\"],\"images\":[\"" + photo
                        + "\"]}}", seller.token());
                products.add(find(PRODUCT_ID, response.body()));
                photos.add(find(PHOTO_URL, response.body()));
            }
        }
        var buyers = new ArrayList<User>();
        for (var b = 0; b < WORKERS; b++) {
            buyers.add(signUp("buyer"));
        }
        return buyers;
    }

    // ---- the workload ----------------------------------------------------------------------------------------

    void work(User me, List<User> everyone) {
        var myOrders = new ArrayList<String>();
        while (running) {
            try {
                act(me, everyone, myOrders);
            } catch (RuntimeException e) {
                // a client bug, not a server failure: it must not silently end this client's work
                calls.add(new Call(phase, partDown, "CLIENT", e.toString(), -1, false, e.toString()));
            }
        }
    }

    void act(User me, List<User> everyone, List<String> myOrders) {
        var random = ThreadLocalRandom.current();
        var roll = random.nextInt(100);
        if (roll < 25) {
            checkout(me, myOrders);
        } else if (roll < 30 && !myOrders.isEmpty()) {
            var order = myOrders.remove(random.nextInt(myOrders.size()));
            send(lb, "POST", "/api/orders/" + order + "/cancel", null, me.token(), "cancel-" + order);
        } else if (roll < 40) {
            var title = "Chaos post " + run + "p" + counter.incrementAndGet() + " about lanterns";
            var response = api("POST", "/articles", "{\"article\":{\"title\":\"" + title
                    + "\",\"description\":\"chaos\",\"body\":\"written while parts fail\",\"tagList\":[\"chaos\"]}}", me.token());
            if (ok(response)) {
                posts.add(find(SLUG, response.body()));
            }
        } else if (roll < 50 && !posts.isEmpty()) {
            var slug = any(posts);
            var response = api("POST", "/articles/" + slug + "/comments", "{\"comment\":{\"body\":\"so it goes\"}}", me.token());
            if (ok(response)) {
                comments.add(Long.parseLong(find(COMMENT_ID, response.body())));
            }
        } else if (roll < 60 && !posts.isEmpty()) {
            var slug = any(posts);
            if (ok(api("POST", "/articles/" + slug + "/favorite", null, me.token()))) {
                likes.add(me.name() + "|" + slug);
            }
        } else if (roll < 65) {
            var other = everyone.get(random.nextInt(everyone.size())).name();
            if (!other.equals(me.name()) && ok(api("POST", "/profiles/" + other + "/follow", null, me.token()))) {
                follows.add(me.name() + "|" + other);
            }
        } else if (roll < 68) {
            signUp("user");
        } else if (roll < 72) {
            login(me.name());
        } else if (roll < 85) {
            api("GET", "/search?q=lanterns+" + run, null, null);
        } else {
            api("GET", "/articles?limit=10", null, random.nextBoolean() ? me.token() : null);
        }
        pause(30 + random.nextInt(40));
    }

    /** A cart item and a checkout with an Idempotency-Key, retried with the same key until it has an answer. */
    void checkout(User me, List<String> myOrders) {
        var random = ThreadLocalRandom.current();
        var product = products.get(random.nextInt(products.size()));
        if (!ok(api("PUT", "/cart/items/" + product, "{\"quantity\":" + (1 + random.nextInt(2)) + "}", me.token()))) {
            return;
        }
        var key = "chaos-" + UUID.randomUUID();
        var method = random.nextInt(10) == 0 ? "pm_card_chargeDeclined" : "pm_card_visa";
        var body = "{\"paymentMethod\":\"" + method + "\",\"shippingAddress\":{\"name\":\"" + me.name()
                + "\",\"line1\":\"1 Main St\",\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"DE\"}}";
        for (var attempt = 1; attempt <= 8; attempt++) {
            var response = send(lb, "POST", "/api/orders", body, me.token(), key);
            var order = response == null || response.statusCode() / 100 != 2 ? null : find(ORDER_ID, response.body());
            if (order != null) {
                ordersByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(order);
                if ("PAID".equals(find(STATUS, response.body()))) {
                    paidOrders.add(order);
                    myOrders.add(order);
                }
            }
            if (response != null && response.statusCode() < 500 && response.statusCode() != 429
                    && response.statusCode() != 409 || attempt == 8) {
                return;
            }
            pause(400L * attempt); // 5xx, no answer, or the first request with this key still running: retry
        }
    }

    static <T> T any(Collection<T> items) {
        var list = new ArrayList<>(items);
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    // ---- faults ---------------------------------------------------------------------------------------------

    int nodes() {
        return Integer.parseInt(env.get("NODES"));
    }

    void shell(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    void node(int n, String action) throws Exception {
        shell("ops/cluster/node.sh", work.toString(), Integer.toString(n), action);
    }

    void postgres(String which, String action) throws Exception {
        var data = env.get(which.equals("primary") ? "PG_PRIMARY_DATA" : "PG_REPLICA_DATA");
        var port = env.get(which.equals("primary") ? "PG_PRIMARY_PORT" : "PG_REPLICA_PORT");
        shell("runuser", "-u", "postgres", "--", env.get("PG_BIN") + "/pg_ctl", "-D", data, "-o", "-p " + port,
                "-l", data + "/../" + which + ".log", "-m", "fast", "-w", action);
    }

    long startRedis() throws Exception {
        var process = new ProcessBuilder("redis-server", "--port", env.get("REDIS_PORT"), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", work.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true).start();
        return process.pid();
    }

    long startMailSink() throws Exception {
        var process = new ProcessBuilder("ops/cluster/node_modules/.bin/maildev", "--ip", "127.0.0.1", "--smtp",
                env.get("SMTP_PORT"), "--web", env.get("MAIL_API_PORT"), "--mail-directory",
                work.resolve("mail").toString(), "--max-emails", "0").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true).start();
        return process.pid();
    }

    long pid(String file) throws Exception {
        return Long.parseLong(Files.readString(work.resolve(file)).strip());
    }

    void kill(long pid) throws Exception {
        shell("kill", "-KILL", Long.toString(pid));
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            pause(50);
        }
    }

    /**
     * Runs a fault while the workload goes on: breaks the part, leaves it down for a while, repairs it, and waits
     * until every node is ready again. The recovery time runs from the start of the repair.
     */
    void fault(String name, ThrowingRunnable breakIt, Duration down, ThrowingRunnable repairIt) throws Exception {
        enter(name);
        partDown = true;
        breakIt.run();
        pause(down.toMillis());
        var repaired = System.nanoTime();
        repairIt.run();
        await("every node ready after " + name, Duration.ofSeconds(120), this::allReady);
        partDown = false;
        recovery.put(name, (System.nanoTime() - repaired) / 1_000_000);
        pause(3_000); // the workload runs on a healthy cluster between faults
    }

    void enter(String name) {
        phase = name;
        System.out.printf("[%3d s, %s] %s%n", (System.nanoTime() - started) / 1_000_000_000, java.time.Instant.now(), name);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    boolean allReady() {
        for (var n = 1; n <= nodes(); n++) {
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.get("NODE_" + n + "_PORT")
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return false;
                }
            } catch (Exception e) {
                return false;
            }
        }
        return true;
    }

    void await(String what, Duration atMost, BooleanSupplier condition) {
        var deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting: " + what);
            }
            pause(250);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the suite ------------------------------------------------------------------------------------------

    boolean suite() throws Exception {
        var buyers = setUp();
        System.out.printf("setup: %d products of %d each, %d buyers, %d workers, run %s%n", products.size(), STOCK,
                buyers.size(), WORKERS, run);
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        for (var buyer : buyers) {
            workers.submit(() -> work(buyer, buyers));
        }

        enter("baseline");
        pause(8_000);
        fault("node killed (SIGKILL) mid-checkout", () -> killed("node 2", () -> node(2, "kill")), Duration.ofSeconds(3),
                () -> node(2, "start"));
        enter("rolling deploy (SIGTERM, one node at a time)");
        for (var n = 1; n <= nodes(); n++) {
            node(n, "stop");
            node(n, "start");
        }
        pause(3_000);
        fault("Redis stopped 10 s", () -> kill(pid("redis.pid")), Duration.ofSeconds(10),
                () -> Files.writeString(work.resolve("redis.pid"), Long.toString(startRedis())));
        fault("SMTP sink stopped 10 s", () -> killed("the SMTP sink", () -> kill(pid("maildev.pid"))), Duration.ofSeconds(10),
                () -> Files.writeString(work.resolve("maildev.pid"), Long.toString(startMailSink())));
        fault("PostgreSQL primary stopped and started", () -> postgres("primary", "stop"), Duration.ofSeconds(2),
                () -> postgres("primary", "start"));
        fault("replica stopped 10 s", () -> postgres("replica", "stop"), Duration.ofSeconds(10),
                () -> postgres("replica", "start"));
        enter("cool-down");
        pause(5_000);
        running = false;
        workers.shutdown();
        workers.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        return verify();
    }

    // ---- the invariants ---------------------------------------------------------------------------------------

    boolean verify() throws Exception {
        enter("verifying");
        var failures = new ArrayList<String>();
        try (var primary = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + env.get("PG_PRIMARY_PORT")
                + "/agora?user=postgres"); var replica = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                + env.get("PG_REPLICA_PORT") + "/agora?user=postgres")) {
            await("reconciliation settles every order", Duration.ofSeconds(150),
                    () -> count(primary, "select count(*) from orders where status = 'PAYMENT_PENDING'") == 0);
            var paid = strings(primary, "select public_id from orders where paid_at is not null");
            await("every paid order's confirmation in the sink", Duration.ofSeconds(120),
                    () -> confirmations().keySet().containsAll(paid));
            await("the replica replays everything", Duration.ofSeconds(60), () -> count(replica,
                    "select case when pg_last_wal_replay_lsn() >= '" + string(primary, "select pg_current_wal_lsn()::text")
                            + "'::pg_lsn then 1 else 0 end") == 1);

            // stock and money
            var oversold = count(primary, "select count(*) from products where stock < 0 or stock + units_sold > " + STOCK
                    + " and public_id in (" + quoted(products) + ")");
            var soldMismatch = count(primary, """
                    select count(*) from products p where p.public_id in (%s) and p.units_sold <> coalesce((
                        select sum(l.quantity) from order_lines l join orders o on o.id = l.order_id
                        where l.product_id = p.id and o.status in ('PAID', 'SHIPPED', 'REFUNDED')), 0)""".formatted(quoted(products)));
            var doubleCharges = count(primary, """
                    select count(*) from orders o where o.paid_at is not null and (select count(*) from sandbox_charges c
                        where c.status = 'succeeded' and c.idempotency_key like '%' || o.public_id || '%') <> 1""");
            var chargedUnpaid = count(primary, """
                    select count(*) from sandbox_charges c where c.status = 'succeeded' and c.refunded_amount < c.amount
                      and not exists (select 1 from orders o where o.paid_at is not null and o.status <> 'CANCELLED'
                                      and c.idempotency_key like '%' || o.public_id || '%')""");
            var pending = count(primary, "select count(*) from orders where status = 'PAYMENT_PENDING'");
            var keysWithTwoOrders = ordersByKey.values().stream().filter(orders -> orders.size() > 1).count();
            check(failures, "oversold units (products over their stock)", oversold, 0);
            check(failures, "products whose units sold differ from their paid lines", soldMismatch, 0);
            check(failures, "paid orders without exactly one charge at the bank", doubleCharges, 0);
            check(failures, "charges at the bank for no paid order, not refunded", chargedUnpaid, 0);
            check(failures, "orders left pending", pending, 0);
            check(failures, "Idempotency-Keys answered with more than one order", keysWithTwoOrders, 0);

            // email: at least once; twice only for an email whose sender died between the sink's acceptance and its record
            var confirmations = confirmations();
            check(failures, "paid orders (" + paid.size() + ") whose confirmation is missing", paid.stream()
                    .filter(id -> !confirmations.containsKey(id)).count(), 0);
            check(failures, "paid orders confirmed by more than one email (Message-ID)", confirmations.values().stream()
                    .filter(ids -> ids.size() > 1).count(), 0);
            var mail = mail();
            var twice = deliveredTwice(mail);
            var inDoubt = twice.stream().filter(this::inDoubt).count();
            System.out.printf("%-80s %6d%n", "emails sent again because a kill left their first copy unrecorded", inDoubt);
            check(failures, "emails in the sink sharing a Message-ID, otherwise", twice.size() - inDoubt, 0);
            var fragments = fragments(mail);
            var cutByAKill = fragments.stream().filter(this::duringAKill).count();
            System.out.printf("%-80s %6d%n", "fragments of emails cut off by a kill (no Message-ID)", cutByAKill);
            check(failures, "emails in the sink without a Message-ID, otherwise", fragments.size() - cutByAKill, 0);

            // acknowledged writes, on the primary and on the replica
            for (var database : List.of(primary, replica)) {
                var where = database == primary ? "primary" : "replica";
                check(failures, "acknowledged users (" + users.size() + ") missing on the " + where,
                        users.size() - count(database, "select count(*) from users where username in (" + quoted(users) + ")"), 0);
                check(failures, "acknowledged posts (" + posts.size() + ") missing on the " + where,
                        posts.size() - count(database, "select count(*) from posts where slug in (" + quoted(posts) + ")"), 0);
                check(failures, "acknowledged comments (" + comments.size() + ") missing on the " + where, comments.size()
                        - count(database, "select count(*) from comments where id in (" + numbers(comments) + ")"), 0);
                check(failures, "acknowledged likes (" + likes.size() + ") missing on the " + where, likes.size() - count(database,
                        "select count(*) from favorites f join users u on u.id = f.user_id join posts p on p.id = f.post_id"
                                + " where u.username || '|' || p.slug in (" + quoted(likes) + ")"), 0);
                check(failures, "acknowledged follows (" + follows.size() + ") missing on the " + where, follows.size()
                        - count(database, "select count(*) from follows f join users a on a.id = f.follower_id"
                                + " join users b on b.id = f.followee_id where a.username || '|' || b.username in ("
                                + quoted(follows) + ")"), 0);
                var acknowledgedOrders = ordersByKey.values().stream().flatMap(Set::stream).toList();
                check(failures, "acknowledged orders (" + acknowledgedOrders.size() + ") missing on the " + where,
                        acknowledgedOrders.size() - count(database, "select count(*) from orders where public_id in ("
                                + quoted(acknowledgedOrders) + ")"), 0);
            }
        }

        // search on every node
        for (var n = 1; n <= nodes(); n++) {
            var node = "http://127.0.0.1:" + env.get("NODE_" + n + "_PORT");
            var finalN = n;
            await("node " + n + "'s search index catches up", Duration.ofSeconds(60),
                    () -> searchable(node).size() == posts.size());
            check(failures, "acknowledged posts not found by node " + finalN + "'s search", posts.size() - searchable(node).size(), 0);
        }
        for (var n = 1; n <= nodes(); n++) {
            var node = "http://127.0.0.1:" + env.get("NODE_" + n + "_PORT");
            check(failures, "acknowledged users not found by node " + n + "'s search", users.stream()
                    .filter(name -> !found(node + "/api/search?type=profile&q=" + name, "\"username\":\"" + name + "\"")).count(), 0);
        }
        for (var n = 1; n <= nodes(); n++) {
            var node = "http://127.0.0.1:" + env.get("NODE_" + n + "_PORT");
            check(failures, "product photos (" + photos.size() + ") node " + n + " does not serve", photos.stream()
                    .filter(url -> !served(node + url)).count(), 0);
        }
        check(failures, "nodes not ready at the end", allReady() ? 0 : 1, 0);

        // what clients saw
        var table = new TreeMap<String, Map<Integer, Integer>>();
        var byPhase = new LinkedHashMap<String, List<Call>>();
        for (var call : calls) {
            byPhase.computeIfAbsent(call.phase(), p -> new ArrayList<>()).add(call);
        }
        var serverErrors = calls.stream().filter(c -> c.status() == 500).count();
        var outsideFaults = calls.stream().filter(c -> (c.status() >= 502 && c.status() <= 504 || c.status() == 0)
                && !c.partDown()).toList();
        var agoraWithoutShape = calls.stream().filter(c -> (c.status() == 503 || c.status() == 429) && !c.problemShape()).count();
        var rolling = byPhase.getOrDefault("rolling deploy (SIGTERM, one node at a time)", List.of()).stream()
                .filter(c -> c.status() == 0 || c.status() >= 500 || c.status() == 429).count();
        var clientBugs = calls.stream().filter(c -> c.status() == -1).toList();
        clientBugs.stream().limit(5).forEach(c -> System.out.println("  client bug: " + c.error()));
        check(failures, "exceptions in the suite's own clients", clientBugs.size(), 0);
        check(failures, "responses with status 500", serverErrors, 0);
        check(failures, "502/503/504 or broken connections while no part was down", outsideFaults.size(), 0);
        check(failures, "503/429 from Agora not in the error shape", agoraWithoutShape, 0);
        check(failures, "failed requests during the rolling deploy", rolling, 0);
        outsideFaults.stream().limit(10).forEach(c -> System.out.println("  outside a fault: " + c));

        System.out.printf("%n%-46s %9s  %-40s %12s%n", "phase", "requests", "failures (status × count)", "recovered in");
        for (var entry : byPhase.entrySet()) {
            var failed = new TreeMap<Integer, Integer>();
            for (var call : entry.getValue()) {
                if (call.status() == 0 || call.status() >= 500 || call.status() == 429) {
                    failed.merge(call.status(), 1, Integer::sum);
                }
            }
            var recovered = recovery.get(entry.getKey());
            System.out.printf("%-46s %9d  %-40s %12s%n", entry.getKey(), entry.getValue().size(),
                    failed.isEmpty() ? "none" : failed.toString().replace("0=", "no answer="),
                    recovered == null ? "" : recovered + " ms");
        }
        System.out.println();
        failures.forEach(f -> System.out.println("FAILED: " + f));
        System.out.println(failures.isEmpty() ? "chaos: every invariant held" : "chaos: " + failures.size() + " invariant(s) broken");
        return failures.isEmpty();
    }

    void check(List<String> failures, String what, long actual, long expected) {
        System.out.printf("%-80s %6d%n", what, actual);
        if (actual != expected) {
            failures.add(what + ": " + actual + " (expected " + expected + ")");
        }
    }

    boolean served(String url) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 && response.body().length > 0;
        } catch (Exception e) {
            return false;
        }
    }

    boolean found(String url, String needle) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body()
                    .contains(needle);
        } catch (Exception e) {
            return false;
        }
    }

    Set<String> searchable(String node) {
        var found = new java.util.HashSet<String>();
        for (var slug : posts) {
            var token = slug.replaceAll(".*-(" + run + "p\\d+)-.*", "$1");
            try {
                var body = http.send(HttpRequest.newBuilder(URI.create(node + "/api/search?type=post&q=" + token)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("\"slug\":\"" + slug + "\"")) {
                    found.add(slug);
                }
            } catch (Exception e) {
                // not found this time
            }
        }
        return found;
    }

    /**
     * The sink's emails as (subject, Message-ID, when the sink received it), from its API's JSON (each email object
     * starts with its id). The API's own "time" is the Date header, the same on every attempt; the time of receipt is
     * that of the email's file in the sink's mail directory.
     */
    List<String[]> mail() {
        var emails = new ArrayList<String[]>();
        try {
            var json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.get("MAIL_API_PORT")
                    + "/api/email")).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (var email : json.split("\\{\"id\":\"")) {
                var subject = find(Pattern.compile("\"subject\":\"([^\"]*)\""), email);
                if (subject != null) {
                    var file = work.resolve("mail").resolve(email.substring(0, email.indexOf('"')) + ".eml");
                    emails.add(new String[] { subject, find(Pattern.compile("\"message-id\":\"([^\"]+)\""), email),
                            Files.getLastModifiedTime(file).toInstant().toString() });
                }
            }
        } catch (Exception e) {
            // the sink is down: nothing to read now
        }
        return emails;
    }

    /** Order id to the Message-IDs of the confirmation emails the sink holds for it. */
    Map<String, Set<String>> confirmations() {
        var ids = new HashMap<String, Set<String>>();
        var subject = Pattern.compile("Your Agora order (ord_[A-Za-z0-9]+) is confirmed");
        for (var email : mail()) {
            var order = find(subject, email[0]);
            if (order != null) {
                ids.computeIfAbsent(order, o -> new java.util.HashSet<>()).add(String.valueOf(email[1]));
            }
        }
        return ids;
    }

    /** The times at which the sink received each email it holds more than once (by Message-ID), earliest first. */
    List<List<java.time.Instant>> deliveredTwice(List<String[]> mail) {
        var received = new HashMap<String, List<java.time.Instant>>();
        var subjects = new HashMap<String, String>();
        for (var email : mail) {
            if (email[1] != null) {
                received.computeIfAbsent(email[1], id -> new ArrayList<>()).add(java.time.Instant.parse(email[2]));
                subjects.put(email[1], email[0]);
            }
        }
        var twice = new ArrayList<List<java.time.Instant>>();
        received.forEach((id, times) -> {
            if (times.size() > 1) {
                times.sort(null);
                twice.add(times);
                System.out.printf("  delivered %d times: %s \"%s\" at %s (kills: %s)%n", times.size(), id,
                        subjects.get(id), times, kills);
            }
        });
        return twice;
    }

    /**
     * An email whose first copy reached the sink in the moment before a kill that left it unrecorded: either the
     * killed node had handed it over, whole or in part, and its record as sent died with it, or the killed sink had
     * it on disk without having answered (MailDev writes a message to its directory as it arrives and, restarted,
     * restores even a half-received one, Message-ID and all). Either way the sender rightly sends it again (SMTP has
     * no way to ask whether a message arrived); its copies share their Message-ID, by which mail clients show it once.
     */
    boolean inDoubt(List<java.time.Instant> times) {
        return times.size() == 2 && kills.stream().anyMatch(kill -> kill.caught(times.get(0)) && times.get(1).isAfter(kill.by()));
    }

    boolean duringAKill(java.time.Instant received) {
        return kills.stream().anyMatch(kill -> kill.caught(received));
    }

    /**
     * When the sink held emails without a Message-ID (Agora gives every email one): the start of a message whose sender
     * or the sink itself was killed before its headers were through. MailDev writes what it receives to its directory
     * as it arrives and, restarted, restores every file there as an email, whole or not.
     */
    List<java.time.Instant> fragments(List<String[]> mail) {
        var times = mail.stream().filter(email -> email[1] == null).map(email -> java.time.Instant.parse(email[2])).toList();
        times.forEach(time -> System.out.printf("  without a Message-ID: an email received at %s (kills: %s)%n", time, kills));
        return times;
    }

    void killed(String what, ThrowingRunnable kill) throws Exception {
        var from = java.time.Instant.now();
        kill.run();
        kills.add(new Kill(what, from, java.time.Instant.now()));
    }

    static long count(Connection connection, String sql) {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static String string(Connection connection, String sql) {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static List<String> strings(Connection connection, String sql) throws Exception {
        var values = new ArrayList<String>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static String quoted(Collection<String> values) {
        return values.isEmpty() ? "''" : String.join(",", values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList());
    }

    static String numbers(Collection<Long> values) {
        return values.isEmpty() ? "-1" : String.join(",", values.stream().map(String::valueOf).toList());
    }
}
