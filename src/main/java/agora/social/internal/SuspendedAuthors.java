package agora.social.internal;

import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import agora.accounts.SuspensionLifted;
import agora.accounts.UserSuspended;
import agora.social.PostHidden;
import agora.social.PostRestored;

/**
 * A suspended user's posts and comments are hidden until the suspension is lifted. The suspension's own marker
 * (author_suspended) is separate from a moderator's hiding, so lifting it restores only what it hid.
 */
@Component
class SuspendedAuthors {

    private final HiddenContentRepository hidden;
    private final PublicCounts counts;
    private final ApplicationEventPublisher events;

    SuspendedAuthors(HiddenContentRepository hidden, PublicCounts counts, ApplicationEventPublisher events) {
        this.hidden = hidden;
        this.counts = counts;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(UserSuspended event) {
        mark(event.userId(), true);
    }

    @ApplicationModuleListener
    void on(SuspensionLifted event) {
        mark(event.userId(), false);
    }

    /** Marks (or unmarks) everything the author wrote; content that a moderator hid stays as it is. */
    private void mark(long authorId, boolean suspended) {
        var delta = suspended ? -1 : 1;
        var posts = hidden.postsToMark(authorId, suspended);
        var comments = hidden.commentsToMark(authorId, suspended);
        hidden.markPosts(authorId, suspended);
        hidden.markComments(authorId, suspended);
        for (var post : posts) {
            if (post.hidden() == null) {
                counts.post(post, delta);
                events.publishEvent(suspended ? new PostHidden(post.id(), post.slug())
                        : new PostRestored(post.id(), post.slug()));
            }
        }
        var commentsByPost = new TreeMap<Long, Integer>();
        comments.stream().filter(c -> c.hidden() == null)
                .forEach(c -> commentsByPost.merge(c.postId(), delta, Integer::sum));
        commentsByPost.forEach(counts::comments);
    }
}
