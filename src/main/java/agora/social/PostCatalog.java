package agora.social;

import java.util.Collection;
import java.util.List;

/** How other modules read posts: by id in one batch, or all of them in id order. */
public interface PostCatalog {

    /**
     * The posts with these ids (at most 1,000), in id order; deleted, hidden (by a moderator or the author's
     * suspension) and never existing posts are absent.
     */
    List<SearchablePost> findAllById(Collection<Long> ids);

    /**
     * Up to {@code limit} (1..1,000) public posts with ids above {@code afterId}, in id order, for streaming every
     * post.
     */
    List<SearchablePost> listAfter(long afterId, int limit);
}
