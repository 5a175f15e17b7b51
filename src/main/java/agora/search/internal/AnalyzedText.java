package agora.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * A text field analyzed once at indexing: its tokens replayed into the field's postings, and its distinct words
 * added to the document's {@link IndexSchema#WORDS}. Analysis (tokenizing, Porter stemming) is most of what
 * indexing costs, so the combined field must not pay for it a second time.
 */
final class AnalyzedText {

    /** {@link IndexSchema#WORDS}: whether a document has a word, nothing more. */
    static final FieldType WORDS_TYPE = wordsType();

    private AnalyzedText() {
    }

    private static FieldType wordsType() {
        var type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.setTokenized(true);
        type.setStored(false);
        type.freeze();
        return type;
    }

    /** The distinct words of one document's searched fields. */
    static final class Words {

        private final Set<String> words = new LinkedHashSet<>();

        boolean isEmpty() {
            return words.isEmpty();
        }

        TokenStream stream() {
            return new Replay(List.copyOf(words), null, 0);
        }
    }

    /** The field's tokens (stems with their position increments), each also noted in {@code words}. */
    static TokenStream of(String field, String text, Words words) {
        var terms = new ArrayList<String>();
        var increments = new ArrayList<Integer>();
        try (var stream = TextAnalysis.ENGLISH.tokenStream(field, text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                var stem = term.toString();
                terms.add(stem);
                increments.add(increment.getPositionIncrement());
                words.words.add(stem);
            }
            stream.end();
            // stop words at the end still move the position, as they would have in a field analyzed by the writer
            return new Replay(terms, increments.stream().mapToInt(Integer::intValue).toArray(),
                    increment.getPositionIncrement());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysis of a String does no I/O
        }
    }

    /** Tokens already analyzed, played back to the index writer; without increments every one is the next position. */
    private static final class Replay extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final List<String> terms;
        private final int[] increments;
        private final int finalIncrement;
        private int index;

        Replay(List<String> terms, int[] increments, int finalIncrement) {
            this.terms = terms;
            this.increments = increments;
            this.finalIncrement = finalIncrement;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            index = 0;
        }

        @Override
        public boolean incrementToken() {
            if (index == terms.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(terms.get(index));
            increment.setPositionIncrement(increments == null ? 1 : increments[index]);
            index++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            increment.setPositionIncrement(finalIncrement);
        }
    }
}
