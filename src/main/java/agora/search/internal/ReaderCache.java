package agora.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.index.IndexReader;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Values computed once per index reader or segment, which never change: kept by the reader's or the segment
 * core's cache key, held weakly, so a value is forgotten with what it was computed from. Without a cache key
 * the value is computed every time.
 */
final class ReaderCache<V> {

    /** Computes a value from the index. */
    interface Computation<V> {
        V compute() throws IOException;
    }

    private final Cache<IndexReader.CacheKey, V> values = Caffeine.newBuilder().weakKeys().build();

    V get(IndexReader.CacheHelper helper, Computation<V> computation) throws IOException {
        if (helper == null) {
            return computation.compute();
        }
        try {
            return values.get(helper.getKey(), key -> {
                try {
                    return computation.compute();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
