package agora.search.internal;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The snippet of each result: the sentences of its description or body around the best match, about 160
 * characters (at most {@value #MAX_LENGTH}, cut at spaces around the first match), the text HTML-escaped and
 * each matched word (exact or typo-corrected) in {@code <mark>}. Without a match, the beginning.
 */
final class Snippets {

    private static final String DESCRIPTION = IndexSchema.DESCRIPTION;
    private static final String BODY = IndexSchema.BODY;

    static final int LENGTH = 160;
    static final int MAX_LENGTH = 240;
    /** Characters of a description or body that snippets are taken from (and that the index keeps for them). */
    static final int MAX_SOURCE = 20_000;
    private static final int BEFORE_MATCH = 60;
    private static final DefaultPassageFormatter FORMATTER = new DefaultPassageFormatter("<mark>", "</mark>", "…", true);

    private Snippets() {
    }

    /** Snippets by document id; documents without description or body have none. */
    static Map<Integer, String> of(IndexSearcher searcher, Query query, int[] docs) throws IOException {
        var snippets = new HashMap<Integer, String>();
        if (docs.length == 0) {
            return snippets;
        }
        // words only (no phrase or multi-term machinery): the text is re-analyzed once, without an in-memory index
        var builder = UnifiedHighlighter.builder(searcher, TextAnalysis.ENGLISH)
                .withFormatter(FORMATTER)
                .withWeightMatches(false)
                .withHighlightPhrasesStrictly(false)
                .withHandleMultiTermQuery(false)
                .withPassageRelevancyOverSpeed(false)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), LENGTH, 0.5f))
                .withMaxLength(MAX_SOURCE);
        var highlighter = new FromDocValues(builder, searcher);
        // a marked description wins, so the (longer) body is analyzed only for documents whose description has no match
        var descriptions = highlighter.highlightFields(new String[] {DESCRIPTION}, query, docs, new int[] {1}).get(DESCRIPTION);
        var unmarked = new ArrayList<Integer>();
        for (var i = 0; i < docs.length; i++) {
            if (descriptions[i] == null || !descriptions[i].contains("<mark>")) {
                unmarked.add(i);
            }
        }
        var bodies = new String[docs.length];
        if (!unmarked.isEmpty()) {
            var bodyDocs = unmarked.stream().mapToInt(i -> docs[i]).toArray();
            var highlighted = highlighter.highlightFields(new String[] {BODY}, query, bodyDocs, new int[] {1}).get(BODY);
            for (var j = 0; j < bodyDocs.length; j++) {
                bodies[unmarked.get(j)] = highlighted[j];
            }
        }
        for (var i = 0; i < docs.length; i++) {
            String first = null;
            String marked = null;
            for (var text : new String[] {descriptions[i], bodies[i]}) {
                if (text == null || text.isBlank()) {
                    continue;
                }
                if (first == null) {
                    first = text;
                }
                if (marked == null && text.contains("<mark>")) {
                    marked = text;
                }
            }
            var snippet = marked != null ? marked : first;
            if (snippet != null) {
                snippets.put(docs[i], shorten(snippet.strip()));
            }
        }
        return snippets;
    }

    /**
     * Reads description and body from their doc values (plain bytes at a known address) rather than from stored
     * fields, whose compressed blocks a single document's read must decompress; they were cut to the
     * highlighter's maximum length at indexing ({@link IndexSchema#excerpt}).
     */
    private static final class FromDocValues extends UnifiedHighlighter {

        private final List<LeafReaderContext> leaves;

        FromDocValues(UnifiedHighlighter.Builder builder, IndexSearcher searcher) {
            super(builder);
            this.leaves = searcher.getIndexReader().leaves();
        }

        /**
         * Description and body keep neither offsets nor term vectors: they are re-analyzed. Said here, because the
         * default finds it out from the index's merged field infos, which it builds anew for every highlighter, so
         * for every search (a fifth of the snippets' time over a dozen segments).
         */
        @Override
        protected OffsetSource getOffsetSource(String field) {
            return OffsetSource.ANALYSIS;
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            var values = new ArrayList<CharSequence[]>();
            for (var doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                var leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                var requested = new CharSequence[fields.length];
                for (var i = 0; i < fields.length; i++) {
                    var texts = leaf.reader().getBinaryDocValues(fields[i]);
                    requested[i] = texts != null && texts.advanceExact(doc - leaf.docBase)
                            ? texts.binaryValue().utf8ToString() : null;
                }
                values.add(requested);
            }
            return values;
        }
    }

    /**
     * Cuts an over-long passage to at most {@link #MAX_LENGTH} characters around its first mark. Cuts fall on
     * spaces, which escaped text has neither inside an entity nor inside a tag; a mark left open is closed.
     */
    static String shorten(String snippet) {
        if (snippet.length() <= MAX_LENGTH) {
            return snippet;
        }
        var mark = Math.max(0, snippet.indexOf("<mark>"));
        var start = 0;
        if (mark > BEFORE_MATCH) {
            var space = snippet.indexOf(' ', mark - BEFORE_MATCH);
            start = space >= 0 && space < mark ? space + 1 : mark;
        }
        var end = Math.min(snippet.length(), start + MAX_LENGTH);
        if (end < snippet.length()) {
            var space = snippet.lastIndexOf(' ', end);
            end = space > start ? space : end;
        }
        var cut = new StringBuilder();
        if (start > 0) {
            cut.append('…');
        }
        cut.append(snippet, start, end);
        var opened = cut.toString().split("<mark>", -1).length - 1;
        var closed = cut.toString().split("</mark>", -1).length - 1;
        if (opened > closed) {
            cut.append("</mark>");
        }
        if (end < snippet.length()) {
            cut.append('…');
        }
        return cut.toString();
    }
}
