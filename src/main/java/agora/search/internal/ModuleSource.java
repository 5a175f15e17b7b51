package agora.search.internal;

import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A {@link ContentSource} over one module's public read API: a batch look-up by id and a listing in id order.
 * Subclasses say how an item becomes a document, and record their module's events with {@link #changed}.
 *
 * <p>They listen synchronously, inside the transaction that publishes the event: the change row commits (or
 * rolls back) with the content, so a crash can lose neither, and the change log itself is the outbox. An
 * asynchronous module listener would add an event publication, three transactions and a thread hop to every
 * like, edit and sale for the same guarantee.
 */
abstract class ModuleSource<T> implements ContentSource {

    private final String name;
    private final int version;
    private final SearchType type;
    private final ChangeLog changes;
    private final Function<Collection<Long>, List<T>> findAllById;
    private final BiFunction<Long, Integer, List<T>> listAfter;
    private final ToLongFunction<T> id;

    ModuleSource(String name, int version, SearchType type, ChangeLog changes,
            Function<Collection<Long>, List<T>> findAllById, BiFunction<Long, Integer, List<T>> listAfter,
            ToLongFunction<T> id) {
        this.name = name;
        this.version = version;
        this.type = type;
        this.changes = changes;
        this.findAllById = findAllById;
        this.listAfter = listAfter;
        this.id = id;
    }

    /** Only public fields: whatever this answers can be shown to anyone. */
    abstract SearchDocument document(T item);

    /**
     * Of these items (public in their module), those search may show; by default all. A source whose module's
     * public read answers items that another module hides (suspended people) leaves them out here.
     */
    List<T> searchable(List<T> items) {
        return items;
    }

    /** Records that the item changed (created, updated or deleted): every node re-reads it. */
    void changed(long itemId) {
        changes.record(name, itemId);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public SearchType type() {
        return type;
    }

    @Override
    public List<SearchDocument> fetch(Collection<Long> ids) {
        return searchable(findAllById.apply(ids)).stream().map(this::document).toList();
    }

    @Override
    public Page listAfter(long afterId, int limit) {
        var items = listAfter.apply(afterId, limit);
        var last = items.isEmpty() ? afterId : id.applyAsLong(items.getLast());
        return new Page(searchable(items).stream().map(this::document).toList(), last, items.size() == limit);
    }
}
