import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens many live notification streams on one running Agora node and measures how fast a notification reaches
 * them: signs up {@code users} users, each with a post, and opens {@code per-user} streams for each; then, one
 * recipient at a time, another user likes the recipient's post and the time until every stream of the recipient
 * has the {@code notification} event is recorded. Prints the streams open and the delivery latencies (p50, p99,
 * max). Between the phases it waits for a line on standard input (or for {@code --pause} seconds), so that the
 * caller can measure the server's memory with the streams open.
 *
 *   java StreamsBench.java --base http://127.0.0.1:PORT [--users 200] [--per-user 5] [--likes 50]
 */
public class StreamsBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    static final String PASSWORD = "streams-bench-2026";
    static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    static final Pattern SLUG = Pattern.compile("\"slug\":\"([^\"]+)\"");
    static final java.io.BufferedReader INPUT = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));

    record User(String name, String token, String slug) {
    }

    public static void main(String[] args) throws Exception {
        var options = new TreeMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var base = options.getOrDefault("base", "http://127.0.0.1:8080");
        int users = Integer.parseInt(options.getOrDefault("users", "200"));
        int perUser = Integer.parseInt(options.getOrDefault("per-user", "5"));
        int likes = Math.min(users - 1, Integer.parseInt(options.getOrDefault("likes", "50")));

        var prefix = "sb" + UUID.randomUUID().toString().substring(0, 6);
        var people = new ArrayList<User>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            var futures = new ArrayList<java.util.concurrent.Future<User>>();
            for (int i = 0; i < users; i++) {
                var name = prefix + "u" + i;
                futures.add(pool.submit(() -> signUpAndPost(base, name)));
            }
            for (var future : futures) {
                people.add(future.get());
            }
        }
        System.out.printf("signed up %d users with a post each%n", users);
        awaitGo("streams");

        // Every notification event, by recipient: when it arrived, per stream.
        var arrivals = new ConcurrentHashMap<String, List<Long>>();
        var open = new AtomicInteger();
        var opened = new CountDownLatch(users * perUser);
        var readers = Executors.newVirtualThreadPerTaskExecutor();
        for (var user : people) {
            arrivals.put(user.name(), Collections.synchronizedList(new ArrayList<>()));
            for (int s = 0; s < perUser; s++) {
                readers.execute(() -> read(base, user, arrivals.get(user.name()), open, opened));
            }
        }
        if (!opened.await(120, TimeUnit.SECONDS)) {
            System.out.printf("only %d of %d streams opened%n", open.get(), users * perUser);
        }
        System.out.printf("streams open: %d (%d users x %d)%n", open.get(), users, perUser);
        awaitGo("likes");

        var latencies = new ArrayList<Double>();
        for (int i = 0; i < likes; i++) {
            var recipient = people.get(i);
            var liker = people.get(i + 1);
            var received = arrivals.get(recipient.name());
            var started = System.nanoTime();
            send("POST", base + "/api/articles/" + recipient.slug() + "/favorite", null, liker.token());
            var deadline = started + TimeUnit.SECONDS.toNanos(10);
            while (received.size() < perUser && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            if (received.size() < perUser) {
                System.out.printf("recipient %d: %d of %d streams got the notification within 10 s%n", i,
                        received.size(), perUser);
                continue;
            }
            long last;
            synchronized (received) {
                last = Collections.max(received);
            }
            latencies.add((last - started) / 1e6);
        }
        Collections.sort(latencies);
        if (!latencies.isEmpty()) {
            System.out.printf("like -> notification on all %d streams of its recipient, %d likes one after another: "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", perUser, latencies.size(),
                    latencies.get(latencies.size() / 2), latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1),
                    latencies.getLast());
        }
        System.out.printf("streams still open: %d%n", open.get());
        awaitGo("close");
        readers.shutdownNow();
        System.exit(0);
    }

    static User signUpAndPost(String base, String name) throws Exception {
        var body = send("POST", base + "/api/users", """
                {"user":{"username":"%s","email":"%s@bench.example.com","password":"%s"}}"""
                .formatted(name, name, PASSWORD), null);
        var matcher = TOKEN.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("sign-up failed: " + body);
        }
        var token = matcher.group(1);
        var article = send("POST", base + "/api/articles", """
                {"article":{"title":"Streams bench %s","description":"d","body":"b","tagList":[]}}""".formatted(name),
                token);
        var slug = SLUG.matcher(article);
        if (!slug.find()) {
            throw new IllegalStateException("post failed: " + article);
        }
        return new User(name, token, slug.group(1));
    }

    static void read(String base, User user, List<Long> arrivals, AtomicInteger open, CountDownLatch opened) {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/notifications/stream"))
                .header("Authorization", "Token " + user.token()).header("Accept", "text/event-stream").build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                System.out.printf("stream refused: %d%n", response.statusCode());
                opened.countDown();
                return;
            }
            open.incrementAndGet();
            opened.countDown();
            try (Stream<String> lines = response.body()) {
                lines.forEach(line -> {
                    if (line.equals("event:notification") || line.equals("event: notification")) {
                        arrivals.add(System.nanoTime());
                    }
                });
            } finally {
                open.decrementAndGet();
            }
        } catch (Exception e) {
            opened.countDown();
        }
    }

    static String send(String method, String url, String json, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Tells the caller which phase comes next and waits for its go (a line on standard input). */
    static void awaitGo(String phase) throws Exception {
        System.out.println("ready for: " + phase);
        System.out.flush();
        INPUT.readLine();
    }
}
