package agora.social.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import agora.accounts.UserDirectory;
import agora.accounts.UserProfile;
import agora.social.UsersMentioned;

/**
 * Mentions of users in posts and comments: stored for the users that exist (the text may name anyone), and the
 * newly mentioned announced with {@link UsersMentioned}, so that an edit notifies only whom it adds. Runs in the
 * caller's transaction.
 */
@Component
class Mentions {

    private final MentionRepository mentions;
    private final UserDirectory directory;
    private final BlockRepository blocks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Mentions(MentionRepository mentions, UserDirectory directory, BlockRepository blocks,
            ApplicationEventPublisher events, Clock clock) {
        this.blocks = blocks;
        this.mentions = mentions;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    static String ofPost(long postId) {
        return "post:" + postId;
    }

    static String ofComment(long commentId) {
        return "comment:" + commentId;
    }

    /**
     * Records who the post's (new) body mentions, forgetting those it no longer does. Users blocked either way
     * with the writer are not mentioned (nor notified).
     */
    void inPost(long postId, String slug, String title, String body, long actorId) {
        record(ofPost(postId), postId, slug, title, null, body, actorId);
    }

    void inComment(Post post, long commentId, String body, long actorId) {
        record(ofComment(commentId), post.id(), post.slug(), post.title(), commentId, body, actorId);
    }

    private void record(String source, long postId, String slug, String title, Long commentId, String text,
            long actorId) {
        var users = new ArrayList<Long>();
        var added = new ArrayList<Long>();
        var now = clock.instant();
        for (var username : MentionRules.usernames(text)) {
            directory.findByUsername(username).filter(user -> !blocks.blockedEitherWay(actorId, user.id()))
                    .ifPresent(user -> {
                        users.add(user.id());
                        if (mentions.add(source, user.id(), postId, commentId, now)) {
                            added.add(user.id());
                        }
                    });
        }
        mentions.keepOnly(source, users);
        if (!added.isEmpty()) {
            events.publishEvent(new UsersMentioned(source, slug, title, actorId, List.copyOf(added)));
        }
    }

    /** The current usernames each source mentions (deleted accounts left out), in two queries. */
    Map<String, List<String>> usernames(Collection<String> sources) {
        var bySource = mentions.bySource(sources);
        if (bySource.isEmpty()) {
            return Map.of();
        }
        var profiles = directory.findActiveById(bySource.values().stream().flatMap(List::stream).distinct().toList());
        var names = new HashMap<String, List<String>>();
        bySource.forEach((source, ids) -> names.put(source,
                ids.stream().map(profiles::get).filter(Objects::nonNull).map(UserProfile::username).toList()));
        return names;
    }
}
