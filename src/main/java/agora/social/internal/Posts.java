package agora.social.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import agora.platform.ApiException;
import agora.social.PostDeleted;
import agora.social.PostPublished;
import agora.social.PostUpdated;

/** Writing, changing and deleting posts; only a post's author may change or delete it. */
@Service
public class Posts {

    /** What a new post says; {@code tagList} may be null. */
    public record Draft(String title, String description, String body, List<String> tagList) {
    }

    /** Changes to a post; null fields stay as they are. */
    public record Changes(String title, String description, String body, List<String> tagList) {
    }

    private static final int NUMBERED_SLUGS = 10;

    private final PostRepository posts;
    private final TagRepository tags;
    private final BlockRepository blocks;
    private final ArticleViews views;
    private final Mentions mentions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Posts(PostRepository posts, TagRepository tags, BlockRepository blocks, ArticleViews views, Mentions mentions,
            ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.blocks = blocks;
        this.mentions = mentions;
        this.posts = posts;
        this.tags = tags;
        this.views = views;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ArticleView get(Optional<Long> reader, String slug) {
        return views.of(findVisible(reader, slug), reader);
    }

    public ArticleView create(long author, Draft draft) {
        var problems = new LinkedHashMap<String, List<String>>();
        problems.put("title", PostRules.text(draft.title(), PostRules.MAX_TITLE, true));
        problems.put("description", PostRules.text(draft.description(), PostRules.MAX_DESCRIPTION, true));
        problems.put("body", PostRules.text(draft.body(), PostRules.MAX_BODY, true));
        PostRules.check(problems);
        var tagNames = PostRules.tags(draft.tagList());
        var base = Slugs.base(draft.title());
        long id;
        try {
            id = insert(author, draft, tagNames, freeSlug(base));
        } catch (DuplicateKeyException raced) {
            // Another post took the same slug between our check and our insert.
            id = insert(author, draft, tagNames, base + "-" + randomSuffix());
        }
        return views.of(posts.findAllById(List.of(id)).getFirst(), Optional.of(author));
    }

    @Transactional
    public ArticleView update(long reader, String slug, Changes changes) {
        var post = findOwn(reader, slug);
        var problems = new LinkedHashMap<String, List<String>>();
        problems.put("title", PostRules.text(changes.title(), PostRules.MAX_TITLE, false));
        problems.put("description", PostRules.text(changes.description(), PostRules.MAX_DESCRIPTION, false));
        problems.put("body", PostRules.text(changes.body(), PostRules.MAX_BODY, false));
        PostRules.check(problems);
        if (changes.title() == null && changes.description() == null && changes.body() == null
                && changes.tagList() == null) {
            throw ApiException.invalid("article", "must change at least one field");
        }
        var now = now();
        posts.update(post.id(), Objects.requireNonNullElse(changes.title(), post.title()),
                Objects.requireNonNullElse(changes.description(), post.description()),
                Objects.requireNonNullElse(changes.body(), post.body()), now);
        if (changes.tagList() != null) {
            var wanted = PostRules.tags(changes.tagList());
            var current = tags.namesByPost(List.of(post.id())).getOrDefault(post.id(), List.of());
            tags.detach(post.id(), current.stream().filter(t -> !wanted.contains(t)).toList(), post.isPublic());
            tags.attach(post.id(), post.createdAt(), wanted.stream().filter(t -> !current.contains(t)).toList(),
                    post.isPublic());
        }
        if (changes.body() != null) {
            mentions.inPost(post.id(), post.slug(), Objects.requireNonNullElse(changes.title(), post.title()),
                    changes.body(), reader);
        }
        events.publishEvent(new PostUpdated(post.id()));
        return views.of(posts.findAllById(List.of(post.id())).getFirst(), Optional.of(reader));
    }

    @Transactional
    public void delete(long reader, String slug) {
        var post = findOwn(reader, slug);
        tags.detach(post.id(), null, post.isPublic());
        posts.delete(post);
        events.publishEvent(new PostDeleted(post.id(), post.slug()));
    }

    Post find(String slug) {
        return posts.findBySlug(slug).orElseThrow(() -> ApiException.notFound("article"));
    }

    /**
     * The post, if the reader may see it: a hidden post only by its author, and nothing by an author who blocked
     * the reader. Otherwise a 404, as for an unknown slug, so that neither is revealed.
     */
    Post findVisible(Optional<Long> reader, String slug) {
        var post = find(slug);
        if (reader.isPresent() && reader.get() == post.authorId()) {
            return post;
        }
        if (!post.isPublic() || reader.isPresent() && blocks.isBlocking(post.authorId(), reader.get())) {
            throw ApiException.notFound("article");
        }
        return post;
    }

    /** A post the reader may see and engage with: not by someone the reader blocked (403, the reader knows). */
    Post findToEngage(long reader, String slug) {
        var post = findVisible(Optional.of(reader), slug);
        if (post.authorId() != reader && blocks.isBlocking(reader, post.authorId())) {
            throw ApiException.forbidden("you blocked this article's author: unblock them to respond");
        }
        return post;
    }

    private Post findOwn(long reader, String slug) {
        var post = find(slug);
        if (post.authorId() != reader) {
            throw ApiException.forbidden("only the author may change or delete this article");
        }
        return post;
    }

    private long insert(long author, Draft draft, List<String> tagNames, String slug) {
        return transaction.execute(tx -> {
            var now = now();
            var id = posts.insert(slug, draft.title(), draft.description(), draft.body(), author, now);
            tags.attach(id, now, tagNames, true);
            mentions.inPost(id, slug, draft.title(), draft.body(), author);
            events.publishEvent(new PostPublished(id));
            return id;
        });
    }

    String freeSlug(String base) {
        var candidates = new ArrayList<>(Slugs.candidates(base, NUMBERED_SLUGS));
        candidates.removeAll(posts.takenSlugs(candidates));
        return candidates.isEmpty() ? base + "-" + randomSuffix() : candidates.getFirst();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Six base-36 characters, when ten numbered slugs are taken (or one was taken in a race). */
    private static String randomSuffix() {
        var sixDigits = 36L * 36 * 36 * 36 * 36;
        return Long.toString(ThreadLocalRandom.current().nextLong(sixDigits, sixDigits * 36), 36);
    }
}
