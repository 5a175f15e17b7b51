package agora.social.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.platform.ApiException;
import agora.social.PostHidden;
import agora.social.PostModeration;
import agora.social.PostRestored;

/**
 * {@link PostModeration}: moderators hide and restore posts and comments. A post or comment that stops being
 * public is uncounted (list totals, tag counts, its post's comment count) and counted again when it is public
 * once more; a post's hiding and restoring are published for the search index. Hiding again replaces the reason.
 */
@Service
class PostHiding implements PostModeration {

    static final int MAX_REASON = 500;

    private final PostRepository posts;
    private final CommentRepository comments;
    private final HiddenContentRepository hidden;
    private final PublicCounts counts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PostHiding(PostRepository posts, CommentRepository comments, HiddenContentRepository hidden, PublicCounts counts,
            ApplicationEventPublisher events, Clock clock) {
        this.posts = posts;
        this.comments = comments;
        this.hidden = hidden;
        this.counts = counts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public OptionalLong postAuthor(String slug) {
        return posts.findBySlug(slug).map(p -> OptionalLong.of(p.authorId())).orElse(OptionalLong.empty());
    }

    @Override
    @Transactional(readOnly = true)
    public OptionalLong commentAuthor(long commentId) {
        return comments.find(commentId).map(c -> OptionalLong.of(c.authorId())).orElse(OptionalLong.empty());
    }

    @Override
    @Transactional
    public boolean hidePost(String slug, String reason) {
        check(reason);
        var found = posts.findBySlug(slug);
        found.ifPresent(post -> {
            hidden.hidePost(post.id(), reason, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            if (post.isPublic()) {
                counts.post(post, -1);
                events.publishEvent(new PostHidden(post.id(), post.slug()));
            }
        });
        return found.isPresent();
    }

    @Override
    @Transactional
    public boolean restorePost(String slug) {
        var found = posts.findBySlug(slug);
        found.filter(post -> post.hidden() != null).ifPresent(post -> {
            hidden.restorePost(post.id());
            if (!post.authorSuspended()) {
                counts.post(post, 1);
                events.publishEvent(new PostRestored(post.id(), post.slug()));
            }
        });
        return found.isPresent();
    }

    @Override
    @Transactional
    public boolean hideComment(long commentId, String reason) {
        check(reason);
        var found = comments.find(commentId);
        found.ifPresent(comment -> {
            hidden.hideComment(comment.id(), reason, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            if (comment.isPublic()) {
                counts.comments(comment.postId(), -1);
            }
        });
        return found.isPresent();
    }

    @Override
    @Transactional
    public boolean restoreComment(long commentId) {
        var found = comments.find(commentId);
        found.filter(comment -> comment.hidden() != null).ifPresent(comment -> {
            hidden.restoreComment(comment.id());
            if (!comment.authorSuspended()) {
                counts.comments(comment.postId(), 1);
            }
        });
        return found.isPresent();
    }

    private static void check(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw ApiException.invalid("reason", "is too long (maximum is " + MAX_REASON + " characters)");
        }
    }
}
