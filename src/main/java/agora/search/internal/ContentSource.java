package agora.search.internal;

import java.util.Collection;
import java.util.List;

/**
 * One kind of searchable content, as the search module reads it from its owning module's API. A source
 * also names the events that change its content: its listeners call {@link ChangeLog#record} with the
 * changed ids, and every node then re-reads those ids through {@link #fetch}.
 */
public interface ContentSource {

    /** Stable and unique: change rows and index keys carry it. */
    String name();

    /** Bump when the mapping to documents changes: every node then rebuilds its index at start-up. */
    int version();

    SearchType type();

    /**
     * The current public documents for these ids. An id missing from the answer (deleted, unlisted, never
     * existed) is removed from the index.
     */
    List<SearchDocument> fetch(Collection<Long> ids);

    /**
     * The next page in id order after {@code afterId}, for a full rebuild. {@code lastId} is the highest id
     * looked at (even if that item was not public); {@code more} is false on the last page.
     */
    Page listAfter(long afterId, int limit);

    record Page(List<SearchDocument> documents, long lastId, boolean more) {
    }
}
