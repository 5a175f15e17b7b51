package agora.notifications.internal;

import java.util.TreeSet;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import agora.accounts.UserDirectory;
import agora.social.CommentDeleted;
import agora.social.CommentPosted;
import agora.social.PostDeleted;
import agora.social.PostLiked;
import agora.social.PostUnliked;
import agora.social.UserFollowed;
import agora.social.UserUnfollowed;
import agora.social.UsersMentioned;

/**
 * Turns social's events into notifications, each in a transaction of its own after the publishing one commits
 * (the event publication registry hands an event over again until its listener completes). Several recipients
 * are written in id order, so two listeners never wait for each other's counters in opposite orders.
 */
@Component
class SocialNotifications {

    private final Notifications notifications;
    private final UserDirectory directory;

    SocialNotifications(Notifications notifications, UserDirectory directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    /** The subject is the one followed; its username is the link (aggregation works on the name at the time). */
    @ApplicationModuleListener
    void on(UserFollowed event) {
        directory.findById(event.followeeId()).ifPresent(followee -> notifications.aggregate(followee.id(),
                NotificationType.FOLLOW, new Subject("profile", followee.username(), followee.username()),
                event.followerId()));
    }

    @ApplicationModuleListener
    void on(UserUnfollowed event) {
        notifications.withdraw(event.followeeId(), NotificationType.FOLLOW, null, event.followerId());
    }

    @ApplicationModuleListener
    void on(PostLiked event) {
        notifications.aggregate(event.authorId(), NotificationType.LIKE, post(event.slug(), event.title()),
                event.likerId());
    }

    @ApplicationModuleListener
    void on(PostUnliked event) {
        notifications.withdraw(event.authorId(), NotificationType.LIKE, event.slug(), event.likerId());
    }

    /** The post's author hears of a comment; the people who commented before hear of a reply in the thread. */
    @ApplicationModuleListener
    void on(CommentPosted event) {
        var subject = post(event.slug(), event.title());
        var source = "comment:" + event.commentId();
        var recipients = new TreeSet<Long>(event.earlierCommenterIds());
        recipients.add(event.postAuthorId());
        for (var recipient : recipients) {
            var type = recipient == event.postAuthorId() ? NotificationType.COMMENT : NotificationType.REPLY;
            notifications.notify(recipient, type, subject, source, event.commenterId());
        }
    }

    @ApplicationModuleListener
    void on(CommentDeleted event) {
        notifications.withdrawSource("comment:" + event.commentId());
    }

    /** Its likes, comments and mentions go with the post (those already read stay, as history). */
    @ApplicationModuleListener
    void on(PostDeleted event) {
        notifications.withdrawSubject("post", event.slug());
    }

    @ApplicationModuleListener
    void on(UsersMentioned event) {
        var subject = post(event.slug(), event.title());
        for (var recipient : new TreeSet<>(event.mentionedUserIds())) {
            notifications.notify(recipient, NotificationType.MENTION, subject, event.source(), event.actorId());
        }
    }

    private static Subject post(String slug, String title) {
        return new Subject("post", slug, title);
    }
}
