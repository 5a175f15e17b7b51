package agora.search.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test-only content for the engine: posts and products kept in memory (shared by every context of the test
 * JVM, like a database), served through the same {@link ContentSource} interface the real modules' sources
 * use. It lets tests exercise tags, prices, long bodies and popularity before those modules exist.
 */
public final class FixtureCorpus {

    public static final String POSTS = "fixture-posts";
    public static final String PRODUCTS = "fixture-products";

    private static final Map<String, ConcurrentSkipListMap<Long, SearchDocument>> DATA = new ConcurrentHashMap<>();
    private static volatile CountDownLatch rebuildGate;

    private FixtureCorpus() {
    }

    /** Registers the two fixture sources in a test's application context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Sources {

        @Bean
        ContentSource fixturePosts() {
            return new Source(POSTS, SearchType.POST);
        }

        @Bean
        ContentSource fixtureProducts() {
            return new Source(PRODUCTS, SearchType.PRODUCT);
        }
    }

    public static void put(SearchDocument document) {
        DATA.computeIfAbsent(sourceOf(document.type()), s -> new ConcurrentSkipListMap<>()).put(document.id(), document);
    }

    public static void remove(SearchType type, long id) {
        DATA.computeIfAbsent(sourceOf(type), s -> new ConcurrentSkipListMap<>()).remove(id);
    }

    /** Holds every rebuild's first page of fixture posts until {@link #openRebuildGate()}: a rebuild in progress, on demand. */
    public static void closeRebuildGate() {
        rebuildGate = new CountDownLatch(1);
    }

    public static void openRebuildGate() {
        var gate = rebuildGate;
        rebuildGate = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    public static String sourceOf(SearchType type) {
        return switch (type) {
            case POST -> POSTS;
            case PRODUCT -> PRODUCTS;
            case PROFILE -> throw new IllegalArgumentException("profiles come from accounts");
        };
    }

    public static SearchDocument post(long id, String title, String description, String body, List<String> tags,
            long likes, Instant createdAt) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("slug", "post-" + id);
        fields.put("tags", tags);
        fields.put("favoritesCount", likes);
        return new SearchDocument(SearchType.POST, id, "post-" + id, title, tags, "fixture-author", 0, description, body,
                null, likes, createdAt, fields);
    }

    public static SearchDocument product(long id, String title, String description, List<String> tags, long price,
            String currency, long sold, Instant createdAt) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("tags", tags);
        fields.put("price", Map.of("amount", price, "currency", currency));
        return new SearchDocument(SearchType.PRODUCT, id, "product-" + id, title, tags, "fixture-seller", 0, description,
                null, new SearchDocument.Price(price, currency), sold, createdAt, fields);
    }

    static final class Source implements ContentSource {

        private final String name;
        private final SearchType type;

        Source(String name, SearchType type) {
            this.name = name;
            this.type = type;
        }

        private ConcurrentSkipListMap<Long, SearchDocument> data() {
            return DATA.computeIfAbsent(name, s -> new ConcurrentSkipListMap<>());
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public SearchType type() {
            return type;
        }

        @Override
        public List<SearchDocument> fetch(Collection<Long> ids) {
            return ids.stream().map(data()::get).filter(d -> d != null).toList();
        }

        @Override
        public Page listAfter(long afterId, int limit) {
            var gate = rebuildGate;
            if (gate != null && afterId == 0 && type == SearchType.POST) {
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            var page = new ArrayList<SearchDocument>();
            for (var document : data().tailMap(afterId, false).values()) {
                if (page.size() == limit) {
                    break;
                }
                page.add(document);
            }
            var last = page.isEmpty() ? afterId : page.getLast().id();
            return new Page(page, last, page.size() == limit);
        }
    }
}
