package agora.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Each segment's tags by ordinal, decoded once per segment rather than by every search that counts tag facets:
 * a segment's tag dictionary never changes, and decoding a couple of thousand tags cost a search more than
 * counting them. Forgotten when the segment is (its core is weakly held).
 */
final class TagNames {

    private static final Cache<Object, String[]> BY_SEGMENT = Caffeine.newBuilder().weakKeys().build();

    private TagNames() {
    }

    static String[] of(LeafReader segment) throws IOException {
        var core = segment.getCoreCacheHelper();
        if (core == null) {
            return decode(segment);
        }
        try {
            return BY_SEGMENT.get(core.getKey(), key -> {
                try {
                    return decode(segment);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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
