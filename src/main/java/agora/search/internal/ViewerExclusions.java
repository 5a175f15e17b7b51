package agora.search.internal;

import java.util.HashSet;
import java.util.Optional;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

import agora.social.ViewerFilter;

/**
 * What one viewer must not be shown, as a Lucene query for a {@code MUST_NOT} clause: documents owned by a user
 * hidden from them (posts, products: {@link IndexSchema#OWNER}), those users' own profiles (by key), and
 * documents with a muted tag. Term-set queries, so a viewer with thousands of blocks stays within the clause
 * limit; none at all for a viewer with no blocks or mutes.
 */
final class ViewerExclusions {

    private ViewerExclusions() {
    }

    static Optional<Query> of(ViewerFilter filter) {
        if (filter.isEmpty()) {
            return Optional.empty();
        }
        var users = new HashSet<Long>(filter.blockedUsers());
        users.addAll(filter.mutedUsers());
        var query = new BooleanQuery.Builder();
        if (!users.isEmpty()) {
            query.add(new TermInSetQuery(IndexSchema.OWNER,
                    users.stream().map(id -> new BytesRef(Long.toString(id))).toList()), Occur.SHOULD);
            query.add(new TermInSetQuery(IndexSchema.KEY,
                    users.stream().map(id -> IndexSchema.key(ProfileSource.NAME, id).bytes()).toList()), Occur.SHOULD);
        }
        if (!filter.mutedTags().isEmpty()) {
            query.add(new TermInSetQuery(IndexSchema.TAG,
                    filter.mutedTags().stream().map(IndexSchema::tag).map(BytesRef::new).toList()), Occur.SHOULD);
        }
        return Optional.of(query.build());
    }

    /** Whether a tag (normalized) is muted: tag suggestions leave it out. */
    static boolean mutes(ViewerFilter filter, String tag) {
        return filter.mutedTags().stream().map(IndexSchema::tag).anyMatch(tag::equals);
    }
}
