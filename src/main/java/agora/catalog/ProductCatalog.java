package agora.catalog;

import java.util.Collection;
import java.util.List;

/** Read access to listed products for other modules (e.g. to build and refresh a search index). */
public interface ProductCatalog {

    /** The listed products among the given ids, in one query; unlisted and unknown ids are absent. */
    List<SearchableProduct> findAllById(Collection<Long> ids);

    /** Listed products in id order after {@code afterId}, for streaming the whole catalog. */
    List<SearchableProduct> listAfter(long afterId, int limit);
}
