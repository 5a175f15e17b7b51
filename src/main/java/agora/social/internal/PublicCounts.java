package agora.social.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import agora.social.PostEngagementChanged;

/**
 * Keeps the kept counters to public content only, as posts and comments are hidden and restored: the list totals
 * and tag counts count public posts, a post's comment count its public comments.
 */
@Component
class PublicCounts {

    private final PostRepository posts;
    private final TagRepository tags;
    private final ApplicationEventPublisher events;

    PublicCounts(PostRepository posts, TagRepository tags, ApplicationEventPublisher events) {
        this.posts = posts;
        this.tags = tags;
        this.events = events;
    }

    /** Counts (1) or uncounts (-1) a post that becomes public or stops being public. */
    void post(Post post, int delta) {
        posts.addToTotals(post.authorId(), delta);
        tags.addToCounts(post.id(), delta);
    }

    /** Adds to a post's comment count as its comments become public or hidden. */
    void comments(long postId, int delta) {
        posts.addToCommentsCount(postId, delta);
        events.publishEvent(new PostEngagementChanged(postId));
    }
}
