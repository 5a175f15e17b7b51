package agora.social;

import java.util.List;

/**
 * Published in the transaction that stores new mentions of users in a post or a comment (on a post's edit, only
 * the users it did not mention before).
 *
 * @param source what mentions them: {@code post:12} or {@code comment:34}
 * @param slug the slug of the post (the comment's post for a comment)
 */
public record UsersMentioned(String source, String slug, String title, long actorId, List<Long> mentionedUserIds) {
}
