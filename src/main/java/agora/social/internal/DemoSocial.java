package agora.social.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.UserDirectory;
import agora.accounts.UserProfile;
import agora.platform.DemoSeeding;
import agora.social.PostPublished;

/**
 * On the first start with no posts, gives the demo users (see the accounts module's demo data) follows, posts
 * from the last few days, likes and comments, so that both feeds have something to show. alice's ranked feed
 * also discovers dave's popular posts tagged diy and woodworking: she likes such posts but does not follow dave.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@ConditionalOnBooleanProperty("agora.demo-data.enabled")
class DemoSocial implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSocial.class);

    record DemoPost(String author, int hoursAgo, String title, String description, String body, List<String> tags) {
    }

    static final List<DemoPost> POSTS = List.of(
            new DemoPost("alice", 60, "Street photography with a fifty-year-old rangefinder",
                    "Why a slow camera makes faster pictures", "Zone focusing, one lens, and patience.",
                    List.of("cameras", "film", "photography")),
            new DemoPost("bob", 50, "Choosing wood for a cutting board", "Maple, walnut or cherry?",
                    "Closed-grain hardwoods are kind to knives and easy to clean.", List.of("kitchen", "woodworking")),
            new DemoPost("dave", 40, "Lubing linear switches", "A weekend well spent",
                    "A thin coat on the stem rails, none on the spring ends.", List.of("diy", "keyboards")),
            new DemoPost("carol", 30, "Sourdough for runners", "Carbs with character",
                    "A long, cold proof makes a loaf that keeps for a week of training.", List.of("baking", "running")),
            new DemoPost("alice", 20, "Developing film at home", "Three chemicals and a dark bathroom",
                    "Developer, stop, fixer: the rest is temperature and timing.", List.of("diy", "film", "photography")),
            new DemoPost("bob", 12, "Finishing with mineral oil", "Food-safe and easy",
                    "Flood the board, wait twenty minutes, wipe it off, repeat weekly for a month.",
                    List.of("diy", "woodworking")),
            new DemoPost("dave", 8, "Tactile or linear? A review", "Twelve switches, one opinion",
                    "Tactiles for typing, linears for games, clicky ones for nobody near you.",
                    List.of("keyboards", "review")),
            new DemoPost("carol", 5, "My first half marathon", "Two hours, three minutes",
                    "Negative splits, mostly thanks to the sourdough.", List.of("running")),
            new DemoPost("dave", 3, "Keyboard build log: a walnut case", "bob's offcuts, my switches",
                    "A case milled from a cutting-board offcut; it sounds wonderful.",
                    List.of("keyboards", "woodworking")),
            new DemoPost("carol", 1, "A poem about rye", "Short, like the proof should not be",
                    "Dark crumb, / slow rise, / the kitchen smells like Sunday.", List.of("baking", "poetry")));

    /** Who follows whom. */
    static final Map<String, List<String>> FOLLOWS = Map.of(
            "alice", List.of("bob", "carol"),
            "bob", List.of("alice", "dave"),
            "carol", List.of("alice", "bob", "dave"),
            "dave", List.of("bob"));

    /** Who likes which posts (by index in {@link #POSTS}). */
    static final Map<String, List<Integer>> LIKES = Map.of(
            "alice", List.of(3, 5),
            "bob", List.of(0, 2, 8),
            "carol", List.of(2, 4, 8),
            "dave", List.of(0, 1, 3, 5));

    record DemoComment(String author, int post, String body) {
    }

    static final List<DemoComment> COMMENTS = List.of(
            new DemoComment("bob", 0, "Which lens do you use most?"),
            new DemoComment("alice", 0, "The 40 mm, almost always."),
            new DemoComment("carol", 2, "Does this make them quieter too?"),
            new DemoComment("bob", 8, "Glad the offcut found a home!"),
            new DemoComment("alice", 7, "Congratulations, carol!"));

    private final UserDirectory directory;
    private final PostRepository posts;
    private final Posts publishing;
    private final TagRepository tags;
    private final FollowRepository follows;
    private final FavoriteRepository favorites;
    private final CommentRepository comments;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final DemoSeeding seeding;
    private final Clock clock;

    DemoSocial(UserDirectory directory, PostRepository posts, Posts publishing, TagRepository tags,
            FollowRepository follows, FavoriteRepository favorites, CommentRepository comments,
            ApplicationEventPublisher events, TransactionTemplate transaction, DemoSeeding seeding, Clock clock) {
        this.directory = directory;
        this.posts = posts;
        this.publishing = publishing;
        this.tags = tags;
        this.follows = follows;
        this.favorites = favorites;
        this.comments = comments;
        this.events = events;
        this.transaction = transaction;
        this.seeding = seeding;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeding.seed("posts", () -> {
            if (posts.isEmpty()) {
                seed();
            }
        });
    }

    /** Seeds the demo content in one transaction; does nothing unless all demo users exist. */
    void seed() {
        var users = new HashMap<String, Long>();
        for (var name : FOLLOWS.keySet()) {
            directory.findByUsername(name).map(UserProfile::id).ifPresent(id -> users.put(name, id));
        }
        if (users.size() < FOLLOWS.size()) {
            return;
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        transaction.executeWithoutResult(tx -> {
            FOLLOWS.forEach((follower, followees) -> followees.forEach(
                    followee -> follows.follow(users.get(follower), users.get(followee), now)));
            var postIds = POSTS.stream().map(post -> publish(post, users.get(post.author()), now)).toList();
            LIKES.forEach((user, liked) -> liked.forEach(index -> {
                var postId = postIds.get(index);
                favorites.add(users.get(user), postId, at(now, POSTS.get(index).hoursAgo() / 2));
                posts.addToFavoritesCount(postId, 1);
            }));
            for (var comment : COMMENTS) {
                var postId = postIds.get(comment.post());
                comments.insert(postId, users.get(comment.author()), comment.body(),
                        at(now, POSTS.get(comment.post()).hoursAgo() / 2));
                posts.addToCommentsCount(postId, 1);
            }
        });
        log.info("Demo data: {} posts with likes and comments by {}", POSTS.size(), String.join(", ", FOLLOWS.keySet()));
    }

    private long publish(DemoPost post, long author, Instant now) {
        var at = at(now, post.hoursAgo());
        var id = posts.insert(publishing.freeSlug(Slugs.base(post.title())), post.title(), post.description(),
                post.body(), author, at);
        tags.attach(id, at, post.tags(), true);
        events.publishEvent(new PostPublished(id));
        return id;
    }

    private static Instant at(Instant now, int hoursAgo) {
        return now.minus(Duration.ofHours(hoursAgo));
    }
}
