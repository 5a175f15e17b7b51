package agora.social.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.accounts.UserDirectory;
import agora.platform.ApiException;
import agora.social.CommentDeleted;
import agora.social.CommentPosted;
import agora.social.PostEngagementChanged;
import agora.social.PostLiked;
import agora.social.PostUnliked;
import agora.social.Relationships;
import agora.social.ViewerFilter;

/**
 * Likes and comments. Each keeps its post's counter in step in the same transaction, so lists and the feed
 * read counts without aggregating.
 */
@Service
public class Engagement {

    public static final int MAX_COMMENTS_PAGE = 100;

    private final Posts posts;
    private final PostRepository postRows;
    private final FavoriteRepository favorites;
    private final CommentRepository comments;
    private final FollowRepository follows;
    private final UserDirectory directory;
    private final ArticleViews views;
    private final Mentions mentions;
    private final Relationships relationships;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Engagement(Posts posts, PostRepository postRows, FavoriteRepository favorites, CommentRepository comments,
            FollowRepository follows, UserDirectory directory, ArticleViews views, Mentions mentions,
            Relationships relationships, ApplicationEventPublisher events, Clock clock) {
        this.relationships = relationships;
        this.mentions = mentions;
        this.posts = posts;
        this.postRows = postRows;
        this.favorites = favorites;
        this.comments = comments;
        this.follows = follows;
        this.directory = directory;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    /** Likes the post; liking it again changes nothing. */
    @Transactional
    public ArticleView like(long reader, String slug) {
        var post = posts.findToEngage(reader, slug);
        if (addLike(reader, post)) {
            postRows.addToFavoritesCount(post.id(), 1);
            events.publishEvent(new PostEngagementChanged(post.id()));
            events.publishEvent(new PostLiked(post.id(), post.slug(), post.title(), post.authorId(), reader));
        }
        return reload(post, reader);
    }

    /** Takes back a like; without one, changes nothing. */
    @Transactional
    public ArticleView unlike(long reader, String slug) {
        var post = posts.findVisible(Optional.of(reader), slug);
        if (favorites.remove(reader, post.id())) {
            postRows.addToFavoritesCount(post.id(), -1);
            events.publishEvent(new PostEngagementChanged(post.id()));
            events.publishEvent(new PostUnliked(post.id(), post.slug(), post.title(), post.authorId(), reader));
        }
        return reload(post, reader);
    }

    @Transactional
    public CommentView comment(long reader, String slug, String body) {
        var problems = new LinkedHashMap<String, List<String>>();
        problems.put("body", PostRules.text(body, PostRules.MAX_COMMENT, true));
        PostRules.check(problems);
        var post = posts.findToEngage(reader, slug);
        var earlierCommenters = comments.recentAuthors(post.id(), CommentPosted.MAX_EARLIER_COMMENTERS);
        Comment comment;
        try {
            comment = comments.insert(post.id(), reader, body, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        } catch (DataIntegrityViolationException deletedMeanwhile) {
            throw ApiException.notFound("article");
        }
        mentions.inComment(post, comment.id(), body, reader);
        postRows.addToCommentsCount(post.id(), 1);
        events.publishEvent(new PostEngagementChanged(post.id()));
        events.publishEvent(new CommentPosted(comment.id(), post.id(), post.slug(), post.title(), post.authorId(),
                reader, earlierCommenters));
        var source = Mentions.ofComment(comment.id());
        return new CommentView(comment, AuthorView.of(directory.findById(reader).orElse(null), false),
                mentions.usernames(List.of(source)).getOrDefault(source, List.of()));
    }

    /**
     * Newest first, in a constant number of queries: hidden comments only for their author, none by users
     * blocked either way.
     */
    @Transactional(readOnly = true)
    public List<CommentView> comments(Optional<Long> reader, String slug, int limit, int offset) {
        var post = posts.findVisible(reader, slug);
        var scope = ReaderScope.lists(reader, reader.map(relationships::filterFor).orElse(ViewerFilter.NONE));
        var page = comments.list(post.id(), scope, limit, offset);
        var authorIds = page.stream().map(Comment::authorId).distinct().toList();
        var profiles = directory.findAllById(authorIds);
        var followed = reader.map(r -> follows.followedAmong(r, authorIds)).orElse(Set.of());
        var mentioned = mentions.usernames(page.stream().map(c -> Mentions.ofComment(c.id())).toList());
        return page.stream().map(c -> new CommentView(c,
                AuthorView.of(profiles.get(c.authorId()), followed.contains(c.authorId())),
                mentioned.getOrDefault(Mentions.ofComment(c.id()), List.of()))).toList();
    }

    /** The comment's author or the post's author may delete a comment. */
    @Transactional
    public void deleteComment(long reader, String slug, long commentId) {
        var post = posts.findVisible(Optional.of(reader), slug);
        var comment = comments.find(post.id(), commentId).orElseThrow(() -> ApiException.notFound("comment"));
        if (comment.authorId() != reader && post.authorId() != reader) {
            throw ApiException.forbidden("only the comment's author or the article's author may delete this comment");
        }
        comments.delete(comment.id());
        if (comment.isPublic()) {
            postRows.addToCommentsCount(post.id(), -1);
        }
        events.publishEvent(new PostEngagementChanged(post.id()));
        events.publishEvent(new CommentDeleted(comment.id(), post.id()));
    }

    private boolean addLike(long reader, Post post) {
        try {
            return favorites.add(reader, post.id(), clock.instant());
        } catch (DataIntegrityViolationException deletedMeanwhile) {
            throw ApiException.notFound("article");
        }
    }

    private ArticleView reload(Post post, long reader) {
        return views.of(postRows.findAllById(List.of(post.id())).getFirst(), Optional.of(reader));
    }
}
