package agora.search;

import static agora.search.SearchTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;


import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.jayway.jsonpath.JsonPath;

import agora.AgoraApplication;
import agora.test.Api;

/**
 * Several application nodes on one database, each with its own index directory: they converge (on PostgreSQL
 * woken by the cluster broadcast), and a node whose index was deleted, corrupted or left behind while it was
 * down catches up at start-up.
 */
class SearchNodesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    /** A node: the whole application on a random port, with its own data directory. */
    private record Node(ConfigurableApplicationContext context, String base) implements AutoCloseable {

        static Node start(Path dataDir, String... arguments) {
            var all = new ArrayList<>(List.of("--server.port=0", "--agora.data-dir=" + dataDir,
                    "--agora.search.startup-wait=10s", "--spring.main.banner-mode=off"));
            all.addAll(List.of(arguments));
            var context = new SpringApplicationBuilder(AgoraApplication.class).profiles("test")
                    .run(all.toArray(String[]::new));
            return new Node(context, "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private static Path newDataDir() {
        return Path.of("target", "test-data", "node-" + UUID.randomUUID()).toAbsolutePath();
    }

    private String register(Node node, String prefix) throws Exception {
        var username = Api.uniqueName(prefix);
        var response = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.userJson(username, username + "@example.com", Api.PASSWORD)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return username;
    }

    private List<String> findProfiles(Node node, String q) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/search?type=profile&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.results[*].id");
    }

    @Test
    void aChangeMadeThroughOneNodeIsSearchableOnTheOtherWithinSeconds() throws Exception {
        try (var a = Node.start(newDataDir()); var b = Node.start(newDataDir())) {
            var viaA = register(a, "nodea");
            var tookOnB = await(Duration.ofSeconds(3), () -> findProfiles(b, viaA).contains(viaA));
            var viaB = register(b, "nodeb");
            await(Duration.ofSeconds(3), () -> findProfiles(a, viaB).contains(viaB));
            assertThat(findProfiles(a, viaA)).contains(viaA);
            assertThat(tookOnB).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void onPostgresAPostMadeThroughOneNodeWakesTheOtherWithoutWaitingForItsPoll() throws Exception {
        Assumptions.assumeTrue(System.getenv("AGORA_TEST_POSTGRES_URL") != null, "needs PostgreSQL");
        try (var a = Node.start(newDataDir()); var b = Node.start(newDataDir(), "--agora.search.poll-interval=30s")) {
            var author = Api.uniqueName("author");
            var user = Api.userJson(author, author + "@example.com", Api.PASSWORD);
            var signedUp = http.send(HttpRequest.newBuilder(URI.create(a.base() + "/api/users"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String token = JsonPath.read(signedUp.body(), "$.user.token");
            var word = "kettle" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            var posted = http.send(HttpRequest.newBuilder(URI.create(a.base() + "/api/articles"))
                    .header("Content-Type", "application/json").header("Authorization", "Token " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"article":{"title":"A %s","description":"d","body":"b","tagList":[]}}""".formatted(word)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(201);
            String slug = JsonPath.read(posted.body(), "$.article.slug");

            await(Duration.ofMillis(1500), () -> findPosts(b, word).contains(slug));
        }
    }

    private List<String> findPosts(Node node, String q) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/search?type=post&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.results[*].id");
    }

    @Test
    void aNodeCatchesUpAtStartUpWhenItsIndexIsStaleDeletedOrCorrupt() throws Exception {
        var dataDir = newDataDir();
        try (var other = Node.start(newDataDir())) {
            String before;
            try (var node = Node.start(dataDir)) {
                before = register(node, "before");
                await(Duration.ofSeconds(1), () -> findProfiles(node, before).contains(before));
            }

            // stale: changes made through another node while this one was down
            var whileDown = register(other, "whiledown");
            try (var node = Node.start(dataDir)) {
                assertThat(findProfiles(node, whileDown)).contains(whileDown);
                assertThat(findProfiles(node, before)).contains(before);
            }

            // deleted
            deleteTree(dataDir.resolve("search"));
            try (var node = Node.start(dataDir)) {
                assertThat(findProfiles(node, before)).contains(before);
                assertThat(findProfiles(node, whileDown)).contains(whileDown);
            }

            // corrupt: every file of the index overwritten with garbage
            var current = dataDir.resolve("search").resolve(Files.readString(dataDir.resolve("search/current")).strip());
            try (Stream<Path> files = Files.list(current)) {
                for (var file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                    Files.write(file, "not a lucene file".getBytes(StandardCharsets.UTF_8));
                }
            }
            var afterCorruption = register(other, "aftercorrupt");
            try (var node = Node.start(dataDir)) {
                assertThat(findProfiles(node, before)).contains(before);
                assertThat(findProfiles(node, afterCorruption)).contains(afterCorruption);
                var fresh = register(node, "fresh");
                await(Duration.ofSeconds(1), () -> findProfiles(node, fresh).contains(fresh));
            }
        }
    }

    @Test
    void aNodeRebuildsAnIndexOfAnotherLayoutInsteadOfReadingIt() throws Exception {
        var dataDir = newDataDir();
        String before;
        try (var node = Node.start(dataDir)) {
            before = register(node, "layout");
            await(Duration.ofSeconds(1), () -> findProfiles(node, before).contains(before));
        }
        // the index as an older version left it: its commit names layout v3, and it holds no documents
        var root = dataDir.resolve("search");
        var old = root.resolve(Files.readString(root.resolve("current")).strip());
        try (var directory = FSDirectory.open(old);
                var writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            var data = new HashMap<String, String>();
            writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
            data.put("agora.search.schema", data.get("agora.search.schema").replaceFirst("^v\\d+;", "v3;"));
            writer.deleteAll();
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
        try (var node = Node.start(dataDir)) {
            assertThat(findProfiles(node, before)).contains(before);
            assertThat(root.resolve(Files.readString(root.resolve("current")).strip())).isNotEqualTo(old);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted((x, y) -> y.compareTo(x)).forEach(path -> path.toFile().delete());
        }
        assertThat(root).doesNotExist();
    }
}
