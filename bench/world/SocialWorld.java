import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.SplittableRandom;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Fills a migrated, empty Agora PostgreSQL database with a social world for benchmarks, with COPY:
 * users (one shared Argon2id hash), a heavy-tailed follow graph, posts over the last 180 days by heavy-tailed
 * authors with Zipf-distributed tags, heavy-tailed likes and comments per post, and one reader who follows
 * 1,000 authors and has liked recent posts (so the ranked feed has affinity and discovery to work with), and
 * listed products by a tenth of the users (so search indexes every kind of content at a realistic scale).
 * Deterministic for a seed. Run through bench/generate.sh (see bench/README.md); the products are {@link ProductWorld}.
 */
public class SocialWorld {

    static final String PASSWORD = "bench-password-2026";
    static final String READER = "reader";
    static final int READER_FOLLOWS = 1000;
    static final int TAG_COUNT = 500;
    static final long DAY = 86_400_000L;
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS'+00'")
            .withZone(ZoneOffset.UTC);
    static final String[] WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
            + "incididunt ut labore et dolore magna aliqua camera wood bread keyboard switch film lens grain "
            + "sourdough marathon oak walnut maple proof crumb shutter aperture").split(" ");
    final int users;
    final int posts;
    final SplittableRandom random;
    final long now = Instant.now().toEpochMilli();
    final Log log = new Log();

    long userBase;
    long readerId;
    int[] readerFollows;

    // Per post, kept between the passes: author (user index), creation time, likes, comments, tags, reader likes.
    int[] author;
    long[] createdAt;
    int[] likes;
    int[] comments;
    short[][] tags;
    BitSet readerLikes;

    SocialWorld(int users, int posts, long seed) {
        this.users = users;
        this.posts = posts;
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("url", "jdbc:postgresql://127.0.0.1:5432/agora_bench?user=postgres",
                "users", "100000", "posts", "1000000", "seed", "42"));
        for (var arg : args) {
            var kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv[1]);
        }
        options.putIfAbsent("products", Integer.toString(Integer.parseInt(options.get("posts")) / 10));
        var world = new SocialWorld(Integer.parseInt(options.get("users")), Integer.parseInt(options.get("posts")),
                Long.parseLong(options.get("seed")));
        try (var connection = DriverManager.getConnection(options.get("url"))) {
            world.generate(connection, Integer.parseInt(options.get("products")));
        }
    }

    void generate(Connection db, int products) throws Exception {
        try (var st = db.createStatement()) {
            st.execute("set synchronous_commit = off");
            try (var rs = st.executeQuery("select exists (select 1 from posts) or exists (select 1 from products), "
                    + "coalesce(max(id), 0) from users")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw new IllegalStateException("the database already has posts or products; generate into an empty one");
                }
                userBase = rs.getLong(2) + 1;
            }
        }
        readerId = userBase + users;
        log.line("generating %,d users, %,d posts, %,d products (seed and sizes as given) into %s", users, posts, products,
                db.getMetaData().getURL());
        db.setAutoCommit(false);
        users(db);
        follows(db);
        planPosts();
        posts(db);
        tags(db);
        favorites(db);
        comments(db);
        new ProductWorld(this, products).generate(db);
        db.setAutoCommit(true);
        try (var st = db.createStatement()) {
            log.line("list totals (posts per author, all posts)");
            st.execute("insert into author_post_counts (author_id, posts_count) "
                    + "select author_id, count(*) from posts group by author_id");
            st.execute("update post_totals set posts = (select count(*) from posts) where id = 1");
            for (var table : new String[] {"users", "posts", "tags", "comments", "products"}) {
                st.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
            }
            log.line("vacuum analyze (visibility map for index-only counts, planner statistics)");
            for (var table : new String[] {"users", "follows", "posts", "tags", "post_tags", "favorites", "comments",
                    "author_post_counts", "products", "product_tags"}) {
                st.execute("vacuum analyze " + table);
            }
        }
        log.line("done. reader: %s@bench.example.com / %s (every generated user has this password)", READER, PASSWORD);
    }

    void users(Connection db) throws Exception {
        var hash = new Argon2PasswordEncoder(16, 32, 1, 19456, 2).encode(PASSWORD);
        try (var out = new Copy(log, db, "users (id, username, username_key, email, email_key, password_hash, bio, role, "
                + "created_at, updated_at)", "users", users + 1L)) {
            for (var i = 0; i <= users; i++) {
                var name = i == users ? READER : "user" + i;
                var at = ts(now - 400 * DAY + (long) i * (300 * DAY / (users + 1)));
                out.row(userBase + i, name, name, name + "@bench.example.com", name + "@bench.example.com", hash,
                        "Generated for benchmarks.", "USER", at, at);
            }
        }
    }

    /** Followee popularity is Zipf-like (a few users have most followers); follow counts are Pareto-tailed. */
    void follows(Connection db) throws Exception {
        var popularity = new Zipf(users, 0.9);
        try (var out = new Copy(log, db, "follows (follower_id, followee_id, created_at)", "follows", -1)) {
            var seen = new HashSet<Integer>();
            var at = ts(now - 200 * DAY);
            for (var follower = 0; follower < users; follower++) {
                var count = (int) Math.min(2000, Math.min(users - 1, pareto(1.5, 5)));
                seen.clear();
                while (seen.size() < count) {
                    var followee = popularity.sample(random);
                    if (followee != follower && seen.add(followee)) {
                        out.row(userBase + follower, userBase + followee, at);
                    }
                }
            }
            readerFollows = new int[Math.min(READER_FOLLOWS, users)];
            seen.clear();
            for (var i = 0; i < readerFollows.length; ) {
                var followee = popularity.sample(random);
                if (seen.add(followee)) {
                    readerFollows[i++] = followee;
                    out.row(readerId, userBase + followee, at);
                }
            }
        }
    }

    /** Decides every post's author, time, tags and engagement before anything refers to posts. */
    void planPosts() {
        var activity = new Zipf(users, 0.7);
        var tagPopularity = new Zipf(TAG_COUNT, 1.0);
        author = new int[posts];
        createdAt = new long[posts];
        likes = new int[posts];
        comments = new int[posts];
        tags = new short[posts][];
        readerLikes = new BitSet(posts);
        for (var i = 0; i < posts; i++) {
            createdAt[i] = now - (long) (random.nextDouble() * 180 * DAY);
        }
        Arrays.sort(createdAt); // ids follow creation time, as in the application
        var followed = new HashSet<Integer>();
        for (var f : readerFollows) {
            followed.add(f);
        }
        for (var i = 0; i < posts; i++) {
            author[i] = activity.sample(random);
            likes[i] = (int) Math.min(Math.min(5000, users - 1), pareto(1.8, 1.5) - 1);
            comments[i] = (int) Math.min(500, pareto(2.0, 0.5));
            var tagCount = random.nextInt(5);
            var chosen = new HashSet<Short>();
            while (chosen.size() < tagCount) {
                chosen.add((short) tagPopularity.sample(random));
            }
            tags[i] = new short[tagCount];
            var k = 0;
            for (var t : chosen) {
                tags[i][k++] = t;
            }
            // The reader likes a fifth of the last 30 days' posts by the authors they follow.
            if (createdAt[i] > now - 30 * DAY && followed.contains(author[i]) && random.nextInt(5) == 0) {
                readerLikes.set(i);
            }
        }
        log.line("planned posts: %,d likes, %,d comments, %,d liked by the reader", Arrays.stream(likes).asLongStream().sum()
                + readerLikes.cardinality(), Arrays.stream(comments).asLongStream().sum(), readerLikes.cardinality());
    }

    void posts(Connection db) throws Exception {
        try (var out = new Copy(log, db, "posts (id, slug, title, description, body, author_id, favorites_count, "
                + "comments_count, created_at, updated_at)", "posts", posts)) {
            var body = new StringBuilder();
            for (var i = 0; i < posts; i++) {
                body.setLength(0);
                for (var w = 0; w < 40; w++) {
                    body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                var id = i + 1;
                var at = ts(createdAt[i]);
                out.row(id, "bench-post-" + id, "Bench post " + id + " on " + WORDS[id % WORDS.length],
                        "What post " + id + " is about", body.toString().strip(), userBase + author[i],
                        likes[i] + (readerLikes.get(i) ? 1 : 0), comments[i], at, at);
            }
        }
    }

    void tags(Connection db) throws Exception {
        var counts = new int[TAG_COUNT];
        for (var postTags : tags) {
            for (var t : postTags) {
                counts[t]++;
            }
        }
        try (var out = new Copy(log, db, "tags (id, name, posts_count)", "tags", TAG_COUNT)) {
            for (var t = 0; t < TAG_COUNT; t++) {
                out.row(t + 1, "tag" + t, counts[t]);
            }
        }
        try (var out = new Copy(log, db, "post_tags (post_id, tag_id, post_created_at)", "post_tags", -1)) {
            for (var i = 0; i < posts; i++) {
                var at = ts(createdAt[i]);
                for (var t : tags[i]) {
                    out.row(i + 1, t + 1, at);
                }
            }
        }
    }

    void favorites(Connection db) throws Exception {
        try (var out = new Copy(log, db, "favorites (user_id, post_id, created_at)", "favorites", -1)) {
            var likers = new HashSet<Integer>();
            for (var i = 0; i < posts; i++) {
                likers.clear();
                while (likers.size() < likes[i]) {
                    likers.add(random.nextInt(users));
                }
                for (var liker : likers) {
                    out.row(userBase + liker, i + 1, ts(reaction(i)));
                }
                if (readerLikes.get(i)) {
                    out.row(readerId, i + 1, ts(reaction(i)));
                }
            }
        }
    }

    void comments(Connection db) throws Exception {
        try (var out = new Copy(log, db, "comments (id, post_id, author_id, body, created_at, updated_at)", "comments", -1)) {
            long id = 1;
            for (var i = 0; i < posts; i++) {
                for (var c = 0; c < comments[i]; c++) {
                    var at = ts(reaction(i));
                    out.row(id++, i + 1, userBase + random.nextInt(users), "Comment " + id + " on post " + (i + 1), at, at);
                }
            }
        }
    }

    /** A like or comment comes within three days of the post (and not in the future). */
    long reaction(int post) {
        return Math.min(now, createdAt[post] + (long) (random.nextDouble() * 3 * DAY));
    }

    double pareto(double alpha, double minimum) {
        return minimum / Math.pow(1 - random.nextDouble(), 1 / alpha);
    }

    static String ts(long epochMillis) {
        return TS.format(Instant.ofEpochMilli(epochMillis));
    }
}
