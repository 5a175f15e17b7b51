package agora.search.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replays the change log onto an index: reads the rows after the index's position, re-reads the changed items
 * from their sources in batches, and writes them (or removes what a source no longer returns).
 */
final class ChangeReplay {

    private static final int PAGE = 1000;
    private static final int FETCH_BATCH = 500;

    private final Map<String, ContentSource> sources;
    private final ChangeLog changes;
    private final Clock wallClock;

    ChangeReplay(Map<String, ContentSource> sources, ChangeLog changes, Clock wallClock) {
        this.sources = sources;
        this.changes = changes;
        this.wallClock = wallClock;
    }

    /** Applies every change after the target's position and makes it searchable; answers how many were applied. */
    int catchUp(IndexTarget target) throws IOException {
        var applied = 0;
        var from = target.cursor.position();
        while (true) {
            var rows = changes.after(from, PAGE);
            var fresh = target.cursor.unapplied(rows);
            if (!fresh.isEmpty()) {
                apply(target.handle, fresh);
                applied += fresh.size();
            }
            target.cursor.applied(fresh, wallClock.instant());
            if (rows.size() < PAGE) {
                break;
            }
            from = rows.getLast().id();
        }
        if (applied > 0) {
            target.handle.refresh();
            target.dirty = true;
        }
        return applied;
    }

    private void apply(IndexHandle handle, List<ChangeLog.Change> fresh) throws IOException {
        var bySource = new LinkedHashMap<String, Set<Long>>();
        fresh.forEach(change -> bySource.computeIfAbsent(change.source(), s -> new LinkedHashSet<>()).add(change.entityId()));
        // Content carries its owner's name: a renamed or deleted user's posts and products are re-read too.
        var owners = bySource.get(ProfileSource.NAME);
        if (owners != null) {
            handle.ownedBy(owners).forEach((source, ids) ->
                    bySource.computeIfAbsent(source, s -> new LinkedHashSet<>()).addAll(ids));
        }
        for (var entry : bySource.entrySet()) {
            var source = sources.get(entry.getKey());
            if (source == null) {
                continue; // written by a node that has a source this one lacks (e.g. during a rolling upgrade)
            }
            var ids = new ArrayList<>(entry.getValue());
            for (var from = 0; from < ids.size(); from += FETCH_BATCH) {
                var batch = ids.subList(from, Math.min(ids.size(), from + FETCH_BATCH));
                var documents = source.fetch(batch);
                var found = documents.stream().map(SearchDocument::id).collect(Collectors.toSet());
                var removed = batch.stream().filter(id -> !found.contains(id)).toList();
                handle.apply(source.name(), documents, removed);
            }
        }
    }
}
