package agora.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.SmallFloat;
import org.junit.jupiter.api.Test;

/** Text analyzed once must index exactly as the analyzer would, and feed the combined words field its weighted counts. */
class AnalyzedTextTest {

    private static final SearchDocument DOCUMENT = new SearchDocument(SearchType.POST, 7, "p-7",
            "The Running Boards of Mr. O'Brien", List.of("Wood Work", "the"), "Zoë Smith", 3,
            "Boards for cutting, and the best of them.", "A café's board: cut, sand, oil; then run it to the end of.",
            null, 5, Instant.parse("2026-01-01T00:00:00Z"), Map.of());
    private static final List<String> PHRASE_FIELDS = List.of(IndexSchema.TITLE, IndexSchema.DESCRIPTION, IndexSchema.BODY);

    @Test
    void fieldsIndexAsTheAnalyzerWouldAndTheirWordsAreCountedByWeightInTheCombinedField() throws IOException {
        var directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.INDEXING).setCodec(new IndexSchema.Codec()))) {
            writer.addDocument(IndexSchema.toLucene("posts", DOCUMENT));
            var plain = new Document();
            plain.add(new TextField(IndexSchema.TITLE, DOCUMENT.title(), Field.Store.NO));
            plain.add(new TextField(IndexSchema.PEOPLE, DOCUMENT.people(), Field.Store.NO));
            plain.add(new TextField(IndexSchema.DESCRIPTION, DOCUMENT.description(), Field.Store.NO));
            plain.add(new TextField(IndexSchema.BODY, DOCUMENT.body(), Field.Store.NO));
            DOCUMENT.tags().forEach(tag -> plain.add(new TextField(IndexSchema.TAGS, IndexSchema.tag(tag), Field.Store.NO)));
            writer.addDocument(plain);
            writer.forceMerge(1);
        }
        try (var reader = DirectoryReader.open(directory)) {
            var leaf = reader.leaves().getFirst().reader();
            for (var field : PHRASE_FIELDS) {
                assertThat(postings(leaf, field, 0)).as(field).isNotEmpty().isEqualTo(postings(leaf, field, 1));
                assertThat(norm(leaf, field, 0)).as(field).isEqualTo(norm(leaf, field, 1));
            }
            assertThat(postings(leaf, IndexSchema.TAGS, 0)).isEmpty();
            assertThat(postings(leaf, IndexSchema.PEOPLE, 0)).isEmpty();
            var weighted = new HashMap<String, Integer>();
            for (var field : IndexSchema.WEIGHTS.keySet()) {
                for (var posting : postings(leaf, field, 1)) {
                    var parts = posting.split(" ");
                    weighted.merge(parts[0], Integer.parseInt(parts[1]) * IndexSchema.WEIGHTS.get(field), Integer::sum);
                }
            }
            var words = new HashMap<String, Integer>();
            TermsEnum terms = leaf.terms(IndexSchema.WORDS).iterator();
            for (var term = terms.next(); term != null; term = terms.next()) {
                assertThat(terms.docFreq()).isEqualTo(1);
                var postings = terms.postings(null, PostingsEnum.FREQS);
                postings.nextDoc();
                words.put(term.utf8ToString(), postings.freq());
            }
            assertThat(words).isEqualTo(weighted).containsKeys("run", "board", "o'brien", "zoe", "wood", "cafe", "end");
            // the title's "board" counts 8, the description's 3, the body's 2; the length is the weighted sum
            assertThat(words.get("board")).isEqualTo(8 + 3 + 2);
            var length = weighted.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(norm(leaf, IndexSchema.WORDS, 0)).isEqualTo((long) SmallFloat.intToByte4(length));
        }
    }

    private static long norm(LeafReader leaf, String field, int doc) throws IOException {
        var norms = leaf.getNormValues(field);
        assertThat(norms.advanceExact(doc)).as(field).isTrue();
        return norms.longValue();
    }

    /** "term freq positions" of one document's postings in a field. */
    private static List<String> postings(LeafReader leaf, String field, int doc) throws IOException {
        var found = new ArrayList<String>();
        var terms = leaf.terms(field).iterator();
        for (var term = terms.next(); term != null; term = terms.next()) {
            var postings = terms.postings(null, PostingsEnum.POSITIONS);
            if (postings.advance(doc) == doc) {
                var line = new StringBuilder(term.utf8ToString()).append(' ').append(postings.freq());
                for (var i = 0; i < postings.freq(); i++) {
                    line.append(' ').append(postings.nextPosition());
                }
                found.add(line.toString());
            }
        }
        return found;
    }
}
