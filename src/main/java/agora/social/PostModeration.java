package agora.social;

import java.util.OptionalLong;

/**
 * What moderators do to posts and comments. Hidden content is gone for everyone but its author, who sees that it
 * was hidden and why; it leaves feeds and search. Callers record their own audit trail.
 */
public interface PostModeration {

    /** The author of the post with this slug (hidden or not), if it exists. */
    OptionalLong postAuthor(String slug);

    /** The author of the comment with this id (hidden or not), if it exists. */
    OptionalLong commentAuthor(long commentId);

    /** False if no such post. */
    boolean hidePost(String slug, String reason);

    boolean restorePost(String slug);

    boolean hideComment(long commentId, String reason);

    boolean restoreComment(long commentId);
}
