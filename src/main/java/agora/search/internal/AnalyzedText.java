package agora.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * A text field analyzed once at indexing: its tokens replayed into the field's postings, and counted, by the
 * field's weight, into the document's {@link IndexSchema#WORDS}. Analysis (tokenizing, Porter stemming) is most
 * of what indexing costs, so the combined field must not pay for it a second time.
 */
final class AnalyzedText {

    /** {@link IndexSchema#WORDS}: each word once, its weighted count as the frequency, the weighted length as the norm. */
    static final FieldType WORDS_TYPE = wordsType();

    private AnalyzedText() {
    }

    private static FieldType wordsType() {
        var type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS); // custom frequencies exclude positions
        type.setTokenized(true);
        type.setStored(false);
        type.freeze();
        return type;
    }

    /** The words of one document's searched fields, each with its occurrences weighted by their fields. */
    static final class Words {

        private final Map<String, Integer> counts = new LinkedHashMap<>();

        boolean isEmpty() {
            return counts.isEmpty();
        }

        /** Each distinct word once, its weighted count as the term frequency (which Lucene also adds to the length). */
        TokenStream stream() {
            var frequencies = counts.values().stream().mapToInt(Integer::intValue).toArray();
            return new Replay(List.copyOf(counts.keySet()), null, frequencies, 0);
        }
    }

    /** The field's tokens (stems with their position increments), each also counted in {@code words}. */
    static TokenStream of(String field, String text, Words words) {
        var terms = new ArrayList<String>();
        var increments = new ArrayList<Integer>();
        var finalIncrement = analyze(field, text, words, (stem, increment) -> {
            terms.add(stem);
            increments.add(increment);
        });
        return new Replay(terms, increments.stream().mapToInt(Integer::intValue).toArray(), null, finalIncrement);
    }

    /** Counts a text in {@code words} only: for what is searched but never phrase-matched (tags, names). */
    static void count(String field, String text, Words words) {
        analyze(field, text, words, (stem, increment) -> {
        });
    }

    private interface Tokens {
        void add(String stem, int increment);
    }

    /** Analyzes the text, counting each stem in {@code words}; answers the final position increment. */
    private static int analyze(String field, String text, Words words, Tokens tokens) {
        var weight = IndexSchema.WEIGHTS.get(field);
        try (var stream = TextAnalysis.ENGLISH.tokenStream(field, text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                var stem = term.toString();
                tokens.add(stem, increment.getPositionIncrement());
                words.counts.merge(stem, weight, Integer::sum);
            }
            stream.end();
            // stop words at the end still move the position, as they would have in a field analyzed by the writer
            return increment.getPositionIncrement();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysis of a String does no I/O
        }
    }

    /**
     * Tokens already analyzed, played back to the index writer; without increments every one is the next position,
     * without frequencies every one occurs once.
     */
    private static final class Replay extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
        private final List<String> terms;
        private final int[] increments;
        private final int[] frequencies;
        private final int finalIncrement;
        private int index;

        Replay(List<String> terms, int[] increments, int[] frequencies, int finalIncrement) {
            this.terms = terms;
            this.increments = increments;
            this.frequencies = frequencies;
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
            frequency.setTermFrequency(frequencies == null ? 1 : frequencies[index]);
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
