package agora.social;

import java.util.List;

/**
 * Published in the transaction that adds a comment.
 *
 * @param earlierCommenterIds the distinct authors of the post's earlier comments (the most recent ones, at most
 *        {@link #MAX_EARLIER_COMMENTERS}), so that they can hear of the reply without reading social's tables
 */
public record CommentPosted(long commentId, long postId, String slug, String title, long postAuthorId,
        long commenterId, List<Long> earlierCommenterIds) {

    public static final int MAX_EARLIER_COMMENTERS = 100;
}
