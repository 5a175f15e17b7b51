package agora.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class TypoCorrectionsTest {

    @Test
    void findsCorrectionsInAnyFieldThroughTheCombinedWords() throws IOException {
        try (var reader = reader()) {
            assertThat(TypoCorrections.of(reader, "carpantri", 2)).containsExactly("carpentri");
            assertThat(TypoCorrections.of(reader, "walnit", 1)).containsExactly("walnut");
            assertThat(TypoCorrections.of(reader, "walnut", 0)).isEmpty();
        }
    }

    @Test
    void aWordInManyDocumentsWasTypedAsMeant() throws IOException {
        var directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.INDEXING).setCodec(new IndexSchema.Codec()))) {
            for (var id = 1; id <= TypoCorrections.TYPED_AS_MEANT + 1; id++) {
                var title = id <= TypoCorrections.TYPED_AS_MEANT ? "Walnut board" : "Walnot board";
                writer.addDocument(IndexSchema.toLucene("posts", new SearchDocument(SearchType.POST, id, "p-" + id, title,
                        List.of(), null, 0, null, null, null, 0, Instant.EPOCH, Map.of())));
            }
        }
        try (var reader = DirectoryReader.open(directory)) {
            assertThat(TypoCorrections.of(reader, "walnut", 1)).isEmpty();
            assertThat(TypoCorrections.of(reader, "walnot", 1)).containsExactly("walnut");
            assertThat(TypoCorrections.of(reader, "walnat", 1)).containsExactly("walnut", "walnot");
        }
    }

    @Test
    void theAutomataCacheStaysWithinItsMemoryBound() throws IOException {
        var random = new SplittableRandom(1);
        long built = 0;
        try (var reader = reader()) {
            for (var i = 0; i < 400; i++) {
                var word = new StringBuilder("q");
                for (var j = 0; j < 13; j++) {
                    word.append((char) ('a' + random.nextInt(26)));
                }
                var stem = word.toString();
                TypoCorrections.of(reader, stem, 2);
                built += TypoCorrections.weight(stem, FuzzyQuery.getFuzzyAutomaton(stem, 2, TypoCorrections.PREFIX, true));
                assertThat(TypoCorrections.cachedBytes()).isLessThanOrEqualTo(TypoCorrections.CACHE_BYTES);
            }
        }
        // the bound did evict: what was built would not have fitted
        assertThat(built).isGreaterThan(TypoCorrections.CACHE_BYTES);
        assertThat(TypoCorrections.cachedBytes()).isGreaterThan(TypoCorrections.CACHE_BYTES / 2);
    }

    private static DirectoryReader reader() throws IOException {
        var directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.INDEXING).setCodec(new IndexSchema.Codec()))) {
            writer.addDocument(IndexSchema.toLucene("posts", new SearchDocument(SearchType.POST, 1, "p-1", "Walnut",
                    List.of(), null, 0, null, "carpentry", null, 0, Instant.EPOCH, Map.of())));
        }
        return DirectoryReader.open(directory);
    }
}
