package agora.search.internal;

import java.io.IOException;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * The index's tags under one numbering across its segments (Lucene's {@link OrdinalMap}), so that a search adds
 * each segment's tag counts into one array instead of merging every segment's tags by name into a map (with a
 * dozen segments, that merging cost a search more than counting the tags). Built once per index reader: a
 * reader's segments never change, and it is forgotten with the reader (held weakly).
 */
final class TagOrdinals {

    private static final ReaderCache<TagOrdinals> BY_READER = new ReaderCache<>();

    private final OrdinalMap ordinals;
    private final String[] names;

    private TagOrdinals(OrdinalMap ordinals, String[] names) {
        this.ordinals = ordinals;
        this.names = names;
    }

    static TagOrdinals of(IndexReader reader) throws IOException {
        var cache = reader.getReaderCacheHelper();
        return BY_READER.get(cache, () -> build(reader, cache == null ? null : cache.getKey()));
    }

    private static TagOrdinals build(IndexReader reader, IndexReader.CacheKey key) throws IOException {
        var leaves = reader.leaves();
        var values = new SortedSetDocValues[leaves.size()];
        for (var i = 0; i < values.length; i++) {
            values[i] = DocValues.getSortedSet(leaves.get(i).reader(), IndexSchema.TAG);
        }
        var ordinals = OrdinalMap.build(key, values, PackedInts.DEFAULT);
        var names = new String[Math.toIntExact(ordinals.getValueCount())];
        for (var ord = 0; ord < names.length; ord++) {
            var segment = leaves.get(ordinals.getFirstSegmentNumber(ord)).reader();
            names[ord] = TagNames.of(segment)[Math.toIntExact(ordinals.getFirstSegmentOrd(ord))];
        }
        return new TagOrdinals(ordinals, names);
    }

    /** How many distinct tags the index has. */
    int size() {
        return names.length;
    }

    /** The index-wide ordinals of one segment's tag ordinals ({@code segment} is its place among the reader's leaves). */
    LongValues ofSegment(int segment) {
        return ordinals.getGlobalOrds(segment);
    }

    String name(int ord) {
        return names[ord];
    }
}
