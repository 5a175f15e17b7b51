package agora.search.internal;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.search.suggest.document.CompletionAnalyzer;

/**
 * How text becomes terms. Searched text is English: Unicode word breaks, possessives and accents dropped,
 * lower case, English stop words removed, Porter stems ("running boards" → "run", "board"). Completions keep
 * every word unstemmed, so that typed prefixes match what was written.
 */
final class TextAnalysis {

    /** For searched text fields and for the words of a query. */
    static final Analyzer ENGLISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    /** Words as typed, lower case and unaccented: the base of completions. */
    static final Analyzer PLAIN = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var source = new StandardTokenizer();
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }
    };

    static final CompletionAnalyzer COMPLETION = new CompletionAnalyzer(PLAIN);

    /** What the index writer uses: English everywhere except the completion field. */
    static final Analyzer INDEXING = new PerFieldAnalyzerWrapper(ENGLISH, Map.of(IndexSchema.SUGGEST, COMPLETION));

    private TextAnalysis() {
    }
}
