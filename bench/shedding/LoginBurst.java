import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A burst of logins against a running Agora while one reader loops over GET /api/articles: signs a user up, warms
 * the server up with sequential logins and reads, then fires all logins at once per round and prints their
 * statuses (200, 503 with Retry-After, other), the time until the last one was answered, and the reads started
 * during the burst (count, p50, p99; status 0 is a read that got no answer).
 *
 *   java LoginBurst.java --base http://127.0.0.1:PORT [--logins 300] [--rounds 3] [--warmup 30]
 */
public class LoginBurst {

    // HTTP/1.1 as browsers speak it to a plain-http server (the JDK's default HTTP/2 offers an h2c upgrade on
    // every new connection).
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    static final String PASSWORD = "burst-password-2026";

    record Read(long startNanos, long nanos, int status) {
    }

    public static void main(String[] args) throws Exception {
        var options = new TreeMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var base = options.getOrDefault("base", "http://127.0.0.1:8080");
        int logins = Integer.parseInt(options.getOrDefault("logins", "300"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));

        var name = "burst" + UUID.randomUUID().toString().substring(0, 8);
        var email = name + "@bench.example.com";
        var signUp = post(base + "/api/users", """
                {"user":{"username":"%s","email":"%s","password":"%s"}}""".formatted(name, email, PASSWORD));
        if (signUp.statusCode() != 201) {
            throw new IllegalStateException("sign-up answered " + signUp.statusCode() + ": " + signUp.body());
        }
        var login = """
                {"user":{"email":"%s","password":"%s"}}""".formatted(email, PASSWORD);
        for (int i = 0; i < warmup; i++) {
            post(base + "/api/users/login", login);
            get(base + "/api/articles");
        }
        System.out.printf("warm-up: %d sequential logins and reads%n", warmup);
        for (int round = 1; round <= rounds; round++) {
            burst(round, base, login, logins);
            Thread.sleep(Duration.ofSeconds(3));
        }
    }

    static void burst(int round, String base, String login, int logins) throws Exception {
        var reads = new ArrayList<Read>();
        var over = new AtomicBoolean();
        var gate = new CountDownLatch(1);
        var statuses = new TreeMap<String, Integer>();
        long start;
        long drained;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var reader = threads.submit(() -> {
                while (!over.get()) {
                    long begin = System.nanoTime();
                    int status;
                    try {
                        status = get(base + "/api/articles").statusCode();
                    } catch (IOException failed) {
                        status = 0; // no answer
                    }
                    reads.add(new Read(begin, System.nanoTime() - begin, status));
                }
                return null;
            });
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                answers.add(threads.submit(() -> {
                    gate.await();
                    return post(base + "/api/users/login", login);
                }));
            }
            start = System.nanoTime();
            gate.countDown();
            try {
                for (var answer : answers) {
                    statuses.merge(kind(answer), 1, Integer::sum);
                }
            } finally {
                over.set(true);
            }
            drained = System.nanoTime() - start;
            reader.get();
        }
        var during = reads.stream().filter(r -> r.startNanos() >= start && r.startNanos() < start + drained)
                .mapToLong(Read::nanos).sorted().toArray();
        var readStatuses = new TreeMap<Integer, Integer>();
        reads.forEach(r -> readStatuses.merge(r.status(), 1, Integer::sum));
        System.out.printf("round %d: %d logins  200×%d  503×%d  other×%d %s  drained in %.2f s   reads during the burst: "
                + "%d, p50 %.1f ms, p99 %.1f ms (statuses %s)%n", round, logins, statuses.getOrDefault("200", 0),
                statuses.getOrDefault("503", 0), logins - statuses.getOrDefault("200", 0) - statuses.getOrDefault("503", 0),
                others(statuses), drained / 1e9, during.length, percentile(during, 0.50), percentile(during, 0.99),
                readStatuses);
    }

    /** 200, 503 (only with Retry-After and the problem shape), or what else came back. */
    static String kind(Future<HttpResponse<String>> answer) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = answer.get();
        } catch (ExecutionException e) {
            return e.getCause().toString();
        }
        var status = response.statusCode();
        if (status == 503 && (response.headers().firstValue("Retry-After").isEmpty()
                || !response.body().contains("urn:agora:problem:unavailable"))) {
            return "503 without Retry-After or problem";
        }
        return Integer.toString(status);
    }

    static String others(Map<String, Integer> statuses) {
        var rest = new TreeMap<>(statuses);
        rest.remove("200");
        rest.remove("503");
        return rest.isEmpty() ? "" : rest.toString();
    }

    static double percentile(long[] sortedNanos, double q) {
        return sortedNanos.length == 0 ? Double.NaN
                : sortedNanos[Math.min(sortedNanos.length - 1, (int) (q * sortedNanos.length))] / 1e6;
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
