package agora.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A user's query turned into Lucene queries, built term by term from the analyzed words: no query parser ever
 * sees the input, so quotes, colons, wildcards and the like are just punctuation.
 *
 * <p>Each word matches its exact (stemmed) form in the combined field {@link IndexSchema#WORDS}, where each
 * occurrence counts by the weight of the field it is in (BM25F), or one of its typo corrections (index terms
 * within the allowed edit distance, see {@link TypoCorrections}) with a much lower weight. The whole query also
 * matches as a phrase. {@link #exactWords()} and {@link #phrase()} are what ranking tiers on: exact words before
 * typo-corrected ones, phrases before scattered words.
 */
final class QueryPlan {

    /** Distinct words a query searches for; further words are ignored (a 256-character query rarely has more). */
    static final int MAX_WORDS = 12;
    /** Lucene's clause limit, raised so that MAX_WORDS × typo expansions × the phrase fields always fit. */
    static final int MAX_CLAUSES = 8192;
    /** A word's typo corrections weigh this much of the word itself (and count only where it is absent). */
    static final float TYPO_WEIGHT = 0.2f;
    /**
     * A phrase match adds its field's BM25 times this much of the field's weight (of {@link IndexSchema#WEIGHTS},
     * which are doubled: 1.5 times the field's weight).
     */
    static final float PHRASE_WEIGHT = 0.75f;
    private static final String[] PHRASE_FIELDS = {IndexSchema.TITLE, IndexSchema.DESCRIPTION, IndexSchema.BODY};
    private static final String[] SNIPPET_FIELDS = {IndexSchema.DESCRIPTION, IndexSchema.BODY};

    /**
     * One analyzed query word: its stem, position (for phrases), the length the user typed, and the index terms
     * it may be a typo of.
     */
    record Word(String stem, int position, int typedLength, List<String> corrections) {

        Word withCorrections(List<String> corrections) {
            return new Word(stem, position, typedLength, corrections);
        }
    }

    private final List<Word> words;
    private final List<Word> tokens;

    private QueryPlan(List<Word> tokens, List<Word> words) {
        this.tokens = tokens;
        this.words = words;
    }

    /** The plan for a query against this index: words, and the typo corrections the index offers for them. */
    static QueryPlan of(String text, IndexReader reader) throws IOException {
        var plan = of(text);
        var corrected = new ArrayList<Word>();
        for (var word : plan.words) {
            corrected.add(word.withCorrections(TypoCorrections.of(reader, word.stem(), typos(word.typedLength()))));
        }
        return new QueryPlan(plan.tokens, List.copyOf(corrected));
    }

    /** The plan's words alone, without typo corrections. */
    static QueryPlan of(String text) {
        var tokens = new ArrayList<Word>();
        try (var stream = TextAnalysis.ENGLISH.tokenStream(IndexSchema.BODY, text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var offset = stream.addAttribute(OffsetAttribute.class);
            var increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            var position = -1;
            while (stream.incrementToken() && tokens.size() < MAX_WORDS * 2) {
                position += increment.getPositionIncrement();
                var typed = text.substring(offset.startOffset(), offset.endOffset());
                tokens.add(new Word(term.toString(), position, typed.codePointCount(0, typed.length()), List.of()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysis of a String does no I/O
        }
        var distinct = new LinkedHashMap<String, Word>();
        tokens.forEach(word -> distinct.putIfAbsent(word.stem(), word));
        return new QueryPlan(tokens, distinct.values().stream().limit(MAX_WORDS).toList());
    }

    /**
     * Typos allowed in a word of this many typed characters, as Meilisearch and Typesense do by default:
     * none up to 4, one from 5 to 8, two from 9 on.
     */
    static int typos(int typedLength) {
        return typedLength <= 4 ? 0 : typedLength <= 8 ? 1 : 2;
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    List<Word> words() {
        return words;
    }

    /** Matches documents that have every word (or, with {@code allWords} false, any word), scored by BM25F. */
    Query matching(boolean allWords) {
        var query = new BooleanQuery.Builder();
        words.forEach(word -> query.add(wordQuery(word), allWords ? Occur.MUST : Occur.SHOULD));
        phraseQueries(true).forEach(phrase -> query.add(phrase, Occur.SHOULD));
        return query.build();
    }

    /**
     * Matches documents that have every word exactly, scored as {@code matching(true)} scores them: a word
     * present exactly counts by its exact term alone. So the best of them come from plain term queries, which
     * top-k search skips through fastest.
     */
    Query matchingExactly() {
        var query = new BooleanQuery.Builder();
        words.forEach(word -> query.add(anywhere(word.stem()), Occur.MUST));
        phraseQueries(true).forEach(phrase -> query.add(phrase, Occur.SHOULD));
        return query.build();
    }

    /**
     * Exactly the documents {@code matching(true)} finds, for counting them unscored: per word, any of its terms
     * (exact and corrections); the phrases never decide what matches.
     */
    Query counting() {
        var query = new BooleanQuery.Builder();
        words.forEach(word -> {
            var any = new BooleanQuery.Builder(); // a word without corrections: Lucene rewrites it to its one term
            any.add(anywhere(word.stem()), Occur.SHOULD);
            word.corrections().forEach(correction -> any.add(anywhere(correction), Occur.SHOULD));
            query.add(any.build(), Occur.MUST);
        });
        return query.build();
    }

    /** Per word: does a document contain it exactly (in any field)? */
    List<Query> exactWords() {
        return words.stream().map(word -> anywhere(word.stem())).toList();
    }

    private static Query anywhere(String term) {
        return new TermQuery(new Term(IndexSchema.WORDS, term));
    }

    /** Does a document contain the whole query as a phrase (in title, description or body)? */
    Optional<Query> phrase() {
        var phrases = phraseQueries(false);
        if (phrases.isEmpty()) {
            return Optional.empty();
        }
        var any = new BooleanQuery.Builder();
        phrases.forEach(phrase -> any.add(phrase, Occur.SHOULD));
        return Optional.of(any.build());
    }

    /** What snippets mark in description and body: every word, exact or typo-corrected. */
    Query highlighting() {
        var query = new BooleanQuery.Builder();
        for (var field : SNIPPET_FIELDS) {
            words.forEach(word -> {
                query.add(new TermQuery(new Term(field, word.stem())), Occur.SHOULD);
                word.corrections().forEach(correction -> query.add(new TermQuery(new Term(field, correction)), Occur.SHOULD));
            });
        }
        return query.build();
    }

    /**
     * The word in the combined field, scored by BM25F; only in a document without the word itself do its typo
     * corrections count, a fifth as much.
     */
    private static Query wordQuery(Word word) {
        if (word.corrections().isEmpty()) {
            return anywhere(word.stem());
        }
        var corrections = new BooleanQuery.Builder();
        word.corrections().forEach(correction -> corrections.add(anywhere(correction), Occur.SHOULD));
        var correctedOnly = new BooleanQuery.Builder()
                .add(new BoostQuery(corrections.build(), TYPO_WEIGHT), Occur.MUST)
                .add(anywhere(word.stem()), Occur.MUST_NOT);
        return new BooleanQuery.Builder()
                .add(anywhere(word.stem()), Occur.SHOULD)
                .add(correctedOnly.build(), Occur.SHOULD)
                .build();
    }

    private List<Query> phraseQueries(boolean boosted) {
        if (tokens.size() < 2) {
            return List.of();
        }
        var phrases = new ArrayList<Query>();
        for (var field : PHRASE_FIELDS) {
            var phrase = new PhraseQuery.Builder();
            var first = tokens.getFirst().position();
            tokens.forEach(token -> phrase.add(new Term(field, token.stem()), token.position() - first));
            Query query = phrase.build();
            phrases.add(boosted ? new BoostQuery(query, IndexSchema.WEIGHTS.get(field) * PHRASE_WEIGHT) : query);
        }
        return phrases;
    }
}
