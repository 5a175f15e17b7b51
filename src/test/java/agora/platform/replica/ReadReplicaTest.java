package agora.platform.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import com.jayway.jsonpath.JsonPath;

import agora.search.internal.Rebuild;
import agora.test.Api;
import agora.test.Node;
import agora.test.PostgresPair;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The read replica, against a real streaming replica ({@link PostgresPair}) and two nodes: {@code patient} uses the
 * replica while it is up to a minute behind, {@code strict} only while it is at most a second behind. Which database
 * answered shows in what a read sees while the replica's replay is paused: a write is then on the primary only.
 * Every client has its own address (X-Forwarded-For from a trusted proxy), as behind a load balancer.
 */
@EnabledIfEnvironmentVariable(named = "AGORA_TEST_POSTGRES_URL", matches = ".+")
class ReadReplicaTest {

    static final String SCHEMA = "agora";
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Pattern MAIL_TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    static PostgresPair pair;
    static Node patient;
    static Node strict;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A client: its address, and its access token once signed in. */
    record Client(String address, String username, String token) {

        static Client anonymous() {
            return new Client("10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250), null, null);
        }
    }

    record Post(String slug, String title) {
    }

    @BeforeAll
    static void startPairAndNodes() throws Exception {
        assumeTrue(PostgresPair.available(), "no PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup)");
        pair = PostgresPair.start();
        patient = node("60s");
        strict = node("1s");
    }

    static Node node(String maxLag) {
        return Node.start("--spring.datasource.url=" + pair.primaryUrl(SCHEMA),
                "--spring.flyway.default-schema=" + SCHEMA, "--spring.datasource.hikari.maximum-pool-size=6",
                "--agora.datasource.replica.url=" + pair.replicaUrl(SCHEMA),
                "--agora.datasource.replica.max-lag=" + maxLag, "--agora.datasource.replica.check-interval=200ms",
                "--agora.web.trusted-proxies=127.0.0.1");
    }

    @AfterAll
    static void stop() throws Exception {
        for (var node : new Node[] {strict, patient}) {
            if (node != null) {
                node.close();
            }
        }
        if (pair != null) {
            pair.close();
        }
    }

    @BeforeEach
    void bothNodesReadFromTheReplica() throws Exception {
        awaitCaughtUp(patient);
        awaitCaughtUp(strict);
    }

    @Test
    void readsOfEveryKindGoToTheReplica() throws Exception {
        var author = signUp(patient, "author");
        var follower = signUp(patient, "follower");
        var seller = verifiedSeller(patient);
        var older = post(patient, author, "older");
        ok(send(patient, "POST", "/api/profiles/" + author.username() + "/follow", follower, null));
        awaitCaughtUp(patient);
        var anonymous = Client.anonymous();

        pair.pauseReplay();
        Post fresh;
        String tag;
        String product;
        Client late;
        try {
            tag = unique("tag");
            fresh = post(patient, author, "fresh", tag);
            ok(send(patient, "POST", "/api/articles/" + older.slug() + "/comments", author,
                    "{\"comment\":{\"body\":\"Seen only on the primary\"}}"));
            product = product(patient, seller);
            late = signUp(patient, "late");
            // Written to the primary (the replica is read-only, and replays nothing now): there only.
            assertThat(count(pair.primaryUrl(SCHEMA), fresh.slug())).isOne();
            assertThat(count(pair.replicaUrl(SCHEMA), fresh.slug())).isZero();

            assertThat(titles(patient, "/api/articles?author=" + author.username(), anonymous))
                    .contains(older.title()).doesNotContain(fresh.title());
            assertThat(titles(patient, "/api/articles?tag=" + tag, anonymous)).isEmpty();
            assertThat(tags(patient, anonymous)).doesNotContain(tag);
            assertThat(comments(patient, older, anonymous)).isEmpty();
            assertThat(get(patient, "/api/profiles/" + late.username(), anonymous).statusCode()).isEqualTo(404);
            assertThat(productTitles(patient, seller, anonymous)).doesNotContain(product);
            assertThat(titles(patient, "/api/articles/feed", follower)).contains(older.title())
                    .doesNotContain(fresh.title());
            assertThat(titles(patient, "/api/feed", follower)).contains(older.title()).doesNotContain(fresh.title());
        } finally {
            pair.resumeReplay();
        }

        awaitCaughtUp(patient);
        assertThat(titles(patient, "/api/articles?author=" + author.username(), anonymous)).contains(fresh.title());
        assertThat(titles(patient, "/api/articles?tag=" + tag, anonymous)).containsExactly(fresh.title());
        assertThat(tags(patient, anonymous)).contains(tag);
        assertThat(comments(patient, older, anonymous)).containsExactly("Seen only on the primary");
        ok(get(patient, "/api/profiles/" + late.username(), anonymous));
        assertThat(productTitles(patient, seller, anonymous)).contains(product);
        assertThat(titles(patient, "/api/articles/feed", follower)).contains(fresh.title());
        assertThat(titles(patient, "/api/feed", follower)).contains(fresh.title());
    }

    @Test
    void aClientSeesItsOwnWritesAtOnceOnAnyNode() throws Exception {
        var author = signUp(patient, "writer");
        var anonymous = Client.anonymous();
        awaitCaughtUp(patient);

        pair.pauseReplay();
        try {
            // Written through one node, read at once through the other.
            var fresh = post(strict, author, "own");
            assertThat(titles(patient, "/api/articles?author=" + author.username(), author)).contains(fresh.title());
            ok(get(patient, "/api/articles/" + fresh.slug(), author));
            ok(send(strict, "POST", "/api/articles/" + fresh.slug() + "/comments", author,
                    "{\"comment\":{\"body\":\"My own comment\"}}"));
            assertThat(comments(patient, fresh, author)).containsExactly("My own comment");
            // Signed up without a token (its address wrote): its own profile is there at once.
            var newcomer = signUp(strict, "newcomer");
            ok(get(patient, "/api/profiles/" + newcomer.username(), newcomer));

            // Meanwhile the replica still lacks all of it: other clients read there.
            assertThat(titles(patient, "/api/articles?author=" + author.username(), anonymous))
                    .doesNotContain(fresh.title());
            assertThat(get(patient, "/api/articles/" + fresh.slug(), anonymous).statusCode()).isEqualTo(404);
            assertThat(get(patient, "/api/profiles/" + newcomer.username(), anonymous).statusCode()).isEqualTo(404);
        } finally {
            pair.resumeReplay();
        }
    }

    @Test
    void aStoppedReplicaFailsNoRequestAndServesAgainOnceBack() throws Exception {
        var author = signUp(patient, "outage");
        var older = post(patient, author, "before the outage");
        awaitCaughtUp(patient);
        var anonymous = Client.anonymous();

        pair.stopReplica();
        try {
            for (var round = 0; round < 3; round++) {
                for (var path : List.of("/api/articles", "/api/tags", "/api/profiles/" + author.username(),
                        "/api/articles/" + older.slug() + "/comments", "/api/products")) {
                    assertAnsweredSoon(patient, path, anonymous);
                }
                assertAnsweredSoon(patient, "/api/articles/feed", author);
                assertAnsweredSoon(patient, "/api/feed", author);
            }
            Awaitility.await().atMost(PATIENCE).until(() -> replicaHealth(patient).equals("DEGRADED"));
            assertThat(get(patient, "/actuator/health/readiness", anonymous).body()).contains("\"status\":\"UP\"");
            var during = post(patient, author, "during the outage");
            assertThat(titles(patient, "/api/articles?author=" + author.username(), anonymous))
                    .contains(during.title());
        } finally {
            pair.startReplica();
        }

        awaitCaughtUp(patient);
        assertThat(replicaHealth(patient)).isEqualTo("UP");
        pair.pauseReplay();
        try {
            var after = post(patient, author, "after the outage");
            assertThat(titles(patient, "/api/articles?author=" + author.username(), anonymous))
                    .contains(older.title()).doesNotContain(after.title());
        } finally {
            pair.resumeReplay();
        }
    }

    @Test
    void aReplicaLaggingBeyondTheBoundServesNoReadsUntilItCatchesUp() throws Exception {
        var author = signUp(patient, "lag");
        awaitCaughtUp(patient);
        awaitCaughtUp(strict);
        var anonymous = Client.anonymous();

        pair.pauseReplay();
        Post fresh;
        try {
            fresh = post(patient, author, "while replay is paused");
            Awaitility.await().atMost(PATIENCE).until(() -> replicaHealth(strict).equals("DEGRADED"));
            assertThat(get(strict, "/actuator/health/readiness", anonymous).statusCode()).isEqualTo(200);
            // strict allows a second of lag: it reads from the primary now; patient allows a minute: the replica.
            assertThat(titles(strict, "/api/articles?author=" + author.username(), anonymous)).contains(fresh.title());
            assertThat(titles(patient, "/api/articles?author=" + author.username(), anonymous))
                    .doesNotContain(fresh.title());
            assertThat(replicaHealth(patient)).isEqualTo("UP");
        } finally {
            pair.resumeReplay();
        }

        Awaitility.await().atMost(PATIENCE).until(() -> replicaHealth(strict).equals("UP"));
        var replicaReads = readTransactions(strict, "replica");
        assertThat(titles(strict, "/api/articles?author=" + author.username(), anonymous)).contains(fresh.title());
        assertThat(readTransactions(strict, "replica")).isGreaterThan(replicaReads);
    }

    @Test
    void theSearchRebuildReadsFromTheReplicaAndMissesNothingItLacks() throws Exception {
        var author = signUp(patient, "indexed");
        post(patient, author, "indexed before");
        awaitCaughtUp(patient);
        var rebuild = patient.context().getBean(Rebuild.class);

        var replicaReads = readTransactions(patient, "replica");
        var primaryReads = readTransactions(patient, "primary");
        rebuildAndWait(rebuild);
        // One page at least of each source (posts, products, profiles), all from the replica: it had everything.
        assertThat(readTransactions(patient, "replica") - replicaReads).isGreaterThanOrEqualTo(3);
        assertThat(readTransactions(patient, "primary")).isEqualTo(primaryReads);

        pair.pauseReplay();
        try {
            var word = unique("unseen").replace("-", "");
            post(patient, author, word);
            Awaitility.await().atMost(PATIENCE).until(() -> searchTitles(word).size() == 1);
            // The replica lacks the post, and the rebuild notes the change log's position first: it must read from
            // the primary, or the post would be neither in its pages nor among the changes it catches up with.
            rebuildAndWait(rebuild);
            assertThat(searchTitles(word)).hasSize(1);
            assertThat(readTransactions(patient, "primary")).isGreaterThan(primaryReads);
        } finally {
            pair.resumeReplay();
        }
    }

    // ---- moves ----------------------------------------------------------------------------------------

    void rebuildAndWait(Rebuild rebuild) {
        // The node rebuilds its new index at start-up, in the background.
        Awaitility.await().atMost(PATIENCE).until(() -> rebuild.status().state() != Rebuild.State.RUNNING);
        assertThat(rebuild.begin("test")).isTrue();
        Awaitility.await().atMost(PATIENCE).until(() -> rebuild.status().state() != Rebuild.State.RUNNING);
        assertThat(rebuild.status().state()).isEqualTo(Rebuild.State.DONE);
    }

    List<String> searchTitles(String word) throws Exception {
        return JsonPath.read(ok(get(patient, "/api/search?type=post&q=" + word, Client.anonymous())).body(),
                "$.results[*].title");
    }

    /** Until the replica has replayed what the primary has now, and the node has seen it do so. */
    static void awaitCaughtUp(Node node) throws Exception {
        pair.awaitReplayed();
        var target = pair.primaryPosition();
        var replica = node.context().getBean(Replica.class);
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> replica.state().serves() && replica.state().replayed() >= target);
    }

    static double readTransactions(Node node, String database) {
        return node.context().getBean(MeterRegistry.class).get("agora.read.transactions").tag("database", database)
                .counter().count();
    }

    String replicaHealth(Node node) throws Exception {
        var health = get(node, "/actuator/health", Client.anonymous());
        assertThat(health.statusCode()).isEqualTo(200);
        return JsonPath.read(health.body(), "$.components.replica.status");
    }

    Client signUp(Node node, String prefix) throws Exception {
        var name = Api.uniqueName(prefix);
        var client = Client.anonymous();
        var body = send(node, "POST", "/api/users", client, Api.userJson(name, name + "@example.com", Api.PASSWORD));
        assertThat(body.statusCode()).as(body.body()).isEqualTo(201);
        return new Client(client.address(), name, JsonPath.read(body.body(), "$.user.token"));
    }

    /** A user who may sell: its email verified through the link in the development mailbox. */
    Client verifiedSeller(Node node) throws Exception {
        var seller = signUp(node, "seller");
        var text = Awaitility.await().atMost(PATIENCE).until(() -> {
            List<String> texts = JsonPath.read(ok(get(node, "/api/dev/mailbox?to=" + seller.username() + "@example.com",
                    seller)).body(), "$.messages[?(@.template == 'verify-email')].text");
            return texts.isEmpty() ? null : texts.getFirst();
        }, found -> found != null);
        var token = MAIL_TOKEN.matcher(text).results().findFirst().orElseThrow().group(1);
        var verified = send(node, "POST", "/api/users/verification", seller, "{\"token\":\"" + token + "\"}");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(204);
        return seller;
    }

    Post post(Node node, Client author, String words) throws Exception {
        return post(node, author, words, "replica");
    }

    Post post(Node node, Client author, String words, String tag) throws Exception {
        var title = words + " " + unique("post");
        var created = send(node, "POST", "/api/articles", author, """
                {"article":{"title":"%s","description":"d","body":"b","tagList":["%s"]}}""".formatted(title, tag));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Post(JsonPath.read(created.body(), "$.article.slug"), title);
    }

    String product(Node node, Client seller) throws Exception {
        var title = unique("Thing");
        var created = send(node, "POST", "/api/products", seller, """
                {"product":{"title":"%s","description":"A fine thing","price":{"amount":1200,"currency":"EUR"},
                 "stock":3,"tags":["replica"],"images":["https://img.example.com/1.png"]}}""".formatted(title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return title;
    }

    List<String> titles(Node node, String path, Client client) throws Exception {
        return JsonPath.read(ok(get(node, path, client)).body(), "$.articles[*].title");
    }

    List<String> tags(Node node, Client client) throws Exception {
        return JsonPath.read(ok(get(node, "/api/tags", client)).body(), "$.tags");
    }

    List<String> comments(Node node, Post post, Client client) throws Exception {
        return JsonPath.read(ok(get(node, "/api/articles/" + post.slug() + "/comments", client)).body(),
                "$.comments[*].body");
    }

    List<String> productTitles(Node node, Client seller, Client client) throws Exception {
        return JsonPath.read(ok(get(node, "/api/products?seller=" + seller.username(), client)).body(),
                "$.products[*].title");
    }

    static long count(String url, String slug) throws Exception {
        return PostgresPair.queryLong(url, "select count(*) from posts where slug = ?", slug);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    HttpResponse<String> get(Node node, String path, Client client) throws Exception {
        return send(node, "GET", path, client, null);
    }

    HttpResponse<String> send(Node node, String method, String path, Client client, String json) throws Exception {
        var request = HttpRequest.newBuilder(node.uri(path)).timeout(PATIENCE)
                .header("X-Forwarded-For", client.address())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (client.token() != null) {
            request.header("Authorization", "Token " + client.token());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response;
    }

    /** 200, within the replica's wait for a connection (a second) and a busy machine's slack. */
    void assertAnsweredSoon(Node node, String path, Client client) throws Exception {
        var start = System.nanoTime();
        ok(get(node, path, client));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path).isLessThan(Duration.ofSeconds(5));
    }

}
