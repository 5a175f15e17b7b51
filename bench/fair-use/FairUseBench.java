import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Fair use, seen from the clients: greedy clients (back to back, as fast as answers come) beside polite ones (a
 * request every few seconds), for searches, comments and sign-ups, through one node or alternately through
 * several. Clients are told apart by X-Forwarded-For (the server trusts loopback as its proxy). Prints per client
 * the requests sent, allowed (2xx), refused (429) and anything else.
 *
 *   java FairUseBench.java --seconds 20 http://127.0.0.1:PORT [http://127.0.0.1:PORT2 ...]
 */
public class FairUseBench {

    static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    static final Pattern SLUG = Pattern.compile("\"slug\":\"([^\"]+)\"");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final List<String> nodes;
    final AtomicLong turn = new AtomicLong();

    FairUseBench(List<String> nodes) {
        this.nodes = nodes;
    }

    /** One client and what happened to its requests. */
    static final class Client {
        final String name;
        final String address;
        final Duration pause;
        final LongAdder sent = new LongAdder();
        final LongAdder allowed = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder other = new LongAdder();
        volatile long firstRefusalMillis = -1;
        volatile String token;

        Client(String name, String address, Duration pause) {
            this.name = name;
            this.address = address;
            this.pause = pause;
        }
    }

    interface Move {
        HttpRequest.Builder request(Client client, URI base);
    }

    HttpResponse<String> send(Client client, HttpRequest.Builder request) throws Exception {
        request.header("X-Forwarded-For", client.address);
        if (client.token != null) {
            request.header("Authorization", "Token " + client.token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI node() {
        return URI.create(nodes.get((int) (turn.getAndIncrement() % nodes.size())));
    }

    static HttpRequest.Builder postJson(URI base, String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    static String signUpJson() {
        var name = "fair" + UUID.randomUUID().toString().substring(0, 8);
        return "{\"user\":{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\",\"password\":\"fair-use-pass-2026\"}}";
    }

    String signUp(Client client) throws Exception {
        var body = send(client, postJson(node(), "/api/users", signUpJson())).body();
        var token = TOKEN.matcher(body);
        if (!token.find()) {
            throw new IllegalStateException("sign-up failed: " + body);
        }
        return token.group(1);
    }

    void run(Client client, Move move, long untilNanos, long startNanos) {
        while (System.nanoTime() < untilNanos) {
            try {
                var response = send(client, move.request(client, node()));
                client.sent.increment();
                if (response.statusCode() / 100 == 2) {
                    client.allowed.increment();
                } else if (response.statusCode() == 429) {
                    client.refused.increment();
                    if (client.firstRefusalMillis < 0) {
                        client.firstRefusalMillis = (System.nanoTime() - startNanos) / 1_000_000;
                    }
                } else {
                    client.other.increment();
                }
                if (!client.pause.isZero()) {
                    Thread.sleep(client.pause);
                }
            } catch (Exception e) {
                client.other.increment();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        var seconds = 20;
        var nodes = new ArrayList<String>();
        for (var i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds")) {
                seconds = Integer.parseInt(args[++i]);
            } else {
                nodes.add(args[i]);
            }
        }
        new FairUseBench(nodes).scenario(seconds);
    }

    void scenario(int seconds) throws Exception {
        var author = new Client("author", "198.51.100.1", Duration.ZERO);
        author.token = signUp(author);
        var post = send(author, postJson(node(), "/api/articles",
                "{\"article\":{\"title\":\"Fair use " + UUID.randomUUID() + "\",\"description\":\"d\",\"body\":\"b\"}}")).body();
        var slugMatcher = SLUG.matcher(post);
        slugMatcher.find();
        var slug = slugMatcher.group(1);

        Move search = (c, base) -> HttpRequest.newBuilder(base.resolve("/api/search?q=walnut+board"));
        Move comment = (c, base) -> postJson(base, "/api/articles/" + slug + "/comments", "{\"comment\":{\"body\":\"hi\"}}");
        Move signUp = (c, base) -> postJson(base, "/api/users", signUpJson());

        var clients = new ArrayList<Client>();
        var moves = new ArrayList<Move>();
        clients.add(new Client("greedy searcher", "203.0.113.10", Duration.ZERO));
        moves.add(search);
        for (var i = 1; i <= 3; i++) {
            clients.add(new Client("polite searcher " + i, "203.0.113.2" + i, Duration.ofSeconds(2)));
            moves.add(search);
        }
        var greedyWriter = new Client("greedy commenter", "203.0.113.40", Duration.ZERO);
        greedyWriter.token = signUp(new Client("", "198.51.100.2", Duration.ZERO));
        clients.add(greedyWriter);
        moves.add(comment);
        var politeWriter = new Client("polite commenter", "203.0.113.40", Duration.ofSeconds(5));
        politeWriter.token = signUp(new Client("", "198.51.100.3", Duration.ZERO));
        clients.add(politeWriter);
        moves.add(comment);
        clients.add(new Client("sign-up bot", "203.0.113.50", Duration.ZERO));
        moves.add(signUp);
        clients.add(new Client("newcomer", "203.0.113.51", Duration.ofSeconds(10)));
        moves.add(signUp);

        System.out.printf("%d client(s) for %d s through %s%n", clients.size(), seconds, String.join(", ", nodes));
        var start = System.nanoTime();
        var until = start + Duration.ofSeconds(seconds).toNanos();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var i = 0; i < clients.size(); i++) {
                var client = clients.get(i);
                var move = moves.get(i);
                threads.submit(() -> run(client, move, until, start));
            }
        }
        System.out.printf("%-18s %-13s %8s %8s %8s %6s %14s%n", "client", "address", "sent", "allowed", "refused",
                "other", "first 429 at");
        for (var c : clients) {
            System.out.printf("%-18s %-13s %8d %8d %8d %6d %14s%n", c.name, c.address, c.sent.sum(), c.allowed.sum(),
                    c.refused.sum(), c.other.sum(), c.firstRefusalMillis < 0 ? "-" : c.firstRefusalMillis / 1000.0 + " s");
        }
    }
}
