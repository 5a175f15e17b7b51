package agora.social.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import agora.social.ViewerFilter;

/**
 * What one reader may see of posts and comments, as SQL conditions to add to a query: hidden content only if the
 * reader wrote it, and, when the reader has any, no content by users blocked either way (everywhere) or muted
 * users and tags (feeds only). Each exclusion is a {@code not exists} probe of a primary key or of
 * {@code blocks_by_blocked}, added only when the reader has such relationships, so a reader with none pays
 * nothing for them. The conditions use the named parameter {@code :viewer}; {@link #bind} sets it.
 */
record ReaderScope(Long viewer, boolean ownHidden, boolean blocked, boolean mutedUsers, boolean mutedTags) {

    static final ReaderScope ANONYMOUS = new ReaderScope(null, false, false, false, false);

    /** Lists and single posts: the reader's own hidden posts show, blocked users' content is gone, muted users' stays. */
    static ReaderScope lists(Optional<Long> reader, ViewerFilter filter) {
        return reader.map(r -> new ReaderScope(r, true, !filter.blockedUsers().isEmpty(), false, false))
                .orElse(ANONYMOUS);
    }

    /**
     * Feeds: blocked and muted users' posts, and posts with a muted tag, are gone. A feed never shows the reader's
     * own posts, so it needs no "or the reader wrote it" (which would also cloud the planner's estimates).
     */
    static ReaderScope feeds(long reader, ViewerFilter filter) {
        return new ReaderScope(reader, false, !filter.blockedUsers().isEmpty(), !filter.mutedUsers().isEmpty(),
                !filter.mutedTags().isEmpty());
    }

    /** Conditions on the posts aliased {@code p}, each starting with " and". */
    String posts(String p) {
        var sql = new StringBuilder(" and (" + p + ".hidden_at is null and not " + p + ".author_suspended");
        sql.append(ownHidden ? " or " + p + ".author_id = :viewer)" : ")");
        authors(sql, p + ".author_id");
        if (mutedUsers) {
            sql.append(" and not exists (select 1 from user_mutes um where um.muter_id = :viewer and um.muted_id = ")
                    .append(p).append(".author_id)");
        }
        if (mutedTags) {
            sql.append(" and not exists (select 1 from post_tags mpt join tag_mutes tm on tm.tag_id = mpt.tag_id ")
                    .append("and tm.muter_id = :viewer where mpt.post_id = ").append(p).append(".id)");
        }
        return sql.toString();
    }

    /** Conditions on the comments aliased {@code c}: hidden ones only for their author, none by blocked users. */
    String comments(String c) {
        var sql = new StringBuilder(" and (" + c + ".hidden_at is null and not " + c + ".author_suspended");
        sql.append(ownHidden ? " or " + c + ".author_id = :viewer)" : ")");
        authors(sql, c + ".author_id");
        return sql.toString();
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        return viewer != null ? spec.param("viewer", viewer) : spec;
    }

    private void authors(StringBuilder sql, String author) {
        if (blocked) {
            sql.append(" and not exists (select 1 from blocks b1 where b1.blocker_id = :viewer and b1.blocked_id = ")
                    .append(author).append(") and not exists (select 1 from blocks b2 where b2.blocker_id = ")
                    .append(author).append(" and b2.blocked_id = :viewer)");
        }
    }
}
