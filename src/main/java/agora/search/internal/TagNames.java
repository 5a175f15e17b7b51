package agora.search.internal;

import java.io.IOException;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;

/**
 * Each segment's tags by ordinal, decoded once per segment: a segment's tag dictionary never changes, and
 * decoding a couple of thousand tags cost more than counting them. So the {@link TagOrdinals} of a reader opened
 * after new writes decode only the new segments' tags. Forgotten when the segment is (its core is weakly held).
 */
final class TagNames {

    private static final ReaderCache<String[]> BY_SEGMENT = new ReaderCache<>();

    private TagNames() {
    }

    static String[] of(LeafReader segment) throws IOException {
        return BY_SEGMENT.get(segment.getCoreCacheHelper(), () -> decode(segment));
    }

    private static String[] decode(LeafReader segment) throws IOException {
        var tags = DocValues.getSortedSet(segment, IndexSchema.TAG);
        var names = new String[Math.toIntExact(tags.getValueCount())];
        var terms = tags.termsEnum();
        for (var ord = 0; ord < names.length; ord++) {
            names[ord] = terms.next().utf8ToString();
        }
        return names;
    }
}
