package agora.search.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.suggest.document.Completion104PostingsFormat;
import org.apache.lucene.search.suggest.document.SuggestField;
import org.apache.lucene.util.BytesRef;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layout of the index: one Lucene document per piece of content, all types in one index so that they
 * rank together. Bump {@link #VERSION} whenever this layout or the analysis changes: every node then
 * rebuilds its index at start-up, answering from the changes since start-up meanwhile, never from the old index.
 */
final class IndexSchema {

    static final int VERSION = 5;

    /** "source:id", the unique key updates and deletes go by (terms), and what owner look-ups read (doc values). */
    static final String KEY = "key";
    /** The owning user's id (terms): finds what must be re-read when that user's profile changes. */
    static final String OWNER = "owner";
    /** {@link SearchType} ordinal (doc values). */
    static final String TYPE = "type";
    /** The source's internal id (doc values), the last tie-breaker. */
    static final String ID = "id";

    /** Title, description and body: their words with positions, for phrases. */
    static final String TITLE = "title";
    /** Tags and the maker's name are only counted in {@link #WORDS}: never phrase-matched, no field of their own. */
    static final String TAGS = "tags";
    static final String PEOPLE = "people";
    /** Description and body also keep their text for snippets (binary doc values, uncompressed). */
    static final String DESCRIPTION = "description";
    static final String BODY = "body";

    /** Normalized tags: exact filter (terms) and facet counts (doc values). */
    static final String TAG = "tag";
    /** Minor units (points for ranges, doc values for sorting and facets). */
    static final String PRICE = "price";
    /** ISO-4217 code (terms for filters, doc values for facets). */
    static final String CURRENCY = "currency";
    static final String POPULARITY = "popularity";
    /** Epoch milliseconds; 0 when unknown. */
    static final String CREATED = "created";
    /**
     * Type, public id, title and type-specific fields as JSON, for building results: doc values, so reading a
     * page of results does not decompress the stored long texts.
     */
    static final String STORED = "stored";
    /** Completions: titles and usernames. */
    static final String SUGGEST = "suggest";
    /**
     * Every word of the searched text fields, once per document, its frequency the sum of its occurrences each
     * weighted by {@link #WEIGHTS}: what decides and scores a match (BM25F, as Lucene's {@code CombinedFieldQuery}
     * and Elasticsearch's {@code combined_fields} compute it at query time), so that each query word is one term
     * query. Title, description and body are also indexed on their own, with positions, for phrases and snippets.
     */
    static final String WORDS = "words";

    /**
     * How much one occurrence of a word counts in {@link #WORDS}, by the text it is in: title 4, tags 2.5,
     * maker's name and description 1.5, body 1, doubled to whole numbers (frequencies are integers).
     */
    static final Map<String, Integer> WEIGHTS = Map.of(TITLE, 8, TAGS, 5, PEOPLE, 3, DESCRIPTION, 3, BODY, 2);

    private static final int MAX_TAG_LENGTH = 64;
    private static final int MAX_SUGGESTION_LENGTH = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // compiled once: String.replaceAll compiles its pattern on every call, for every document indexed
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private IndexSchema() {
    }

    /** Postings of the completion field go into a suggester FST; everything else is Lucene's default. */
    static final class Codec extends Lucene104Codec {

        private final PostingsFormat completions = new Completion104PostingsFormat();

        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
            return SUGGEST.equals(field) ? completions : super.getPostingsFormatForField(field);
        }
    }

    static Term key(String source, long id) {
        return new Term(KEY, source + ":" + id);
    }

    static String tag(String tag) {
        if (tag == null) {
            return "";
        }
        var normalized = SPACES.matcher(tag.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        return normalized.length() > MAX_TAG_LENGTH ? normalized.substring(0, MAX_TAG_LENGTH) : normalized;
    }

    static Document toLucene(String source, SearchDocument content) {
        var doc = new Document();
        var key = key(source, content.id()).text();
        doc.add(new StringField(KEY, key, Field.Store.NO));
        doc.add(new SortedDocValuesField(KEY, new BytesRef(key)));
        if (content.ownerId() > 0) {
            doc.add(new StringField(OWNER, Long.toString(content.ownerId()), Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(TYPE, content.type().ordinal()));
        doc.add(new NumericDocValuesField(ID, content.id()));
        var words = new AnalyzedText.Words();
        text(doc, TITLE, content.title(), words);
        counted(PEOPLE, content.people(), words);
        snippetText(doc, DESCRIPTION, content.description(), words);
        snippetText(doc, BODY, content.body(), words);
        content.tags().stream().map(IndexSchema::tag).filter(t -> !t.isEmpty()).distinct().forEach(tag -> {
            AnalyzedText.count(TAGS, tag, words);
            doc.add(new StringField(TAG, tag, Field.Store.NO));
            doc.add(new SortedSetDocValuesField(TAG, new BytesRef(tag)));
        });
        if (content.price() != null) {
            doc.add(new LongPoint(PRICE, content.price().amount()));
            doc.add(new NumericDocValuesField(PRICE, content.price().amount()));
            doc.add(new StringField(CURRENCY, content.price().currency(), Field.Store.NO));
            doc.add(new SortedDocValuesField(CURRENCY, new BytesRef(content.price().currency())));
        }
        doc.add(new NumericDocValuesField(POPULARITY, Math.max(0, content.popularity())));
        doc.add(new NumericDocValuesField(CREATED, content.createdAt() == null ? 0 : content.createdAt().toEpochMilli()));
        var stored = new LinkedHashMap<String, Object>();
        stored.put("type", content.type().apiName());
        stored.put("id", content.publicId());
        stored.put("title", content.title());
        stored.put("fields", content.fields());
        doc.add(new BinaryDocValuesField(STORED, new BytesRef(JSON.writeValueAsBytes(stored))));
        if (!words.isEmpty()) {
            doc.add(new Field(WORDS, words.stream(), AnalyzedText.WORDS_TYPE));
        }
        var suggestion = suggestion(content.title());
        if (!suggestion.isEmpty()) {
            doc.add(new SuggestField(SUGGEST, suggestion, (int) Math.min(Integer.MAX_VALUE, Math.max(0, content.popularity()))));
        }
        return doc;
    }

    /** The stored public part of a document: id, title and the type-specific fields. */
    static Map<String, Object> stored(IndexSearcher searcher, int doc) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        var leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        var values = leaf.reader().getBinaryDocValues(STORED);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("document " + doc + " has no stored result");
        }
        var bytes = values.binaryValue();
        return JSON.readValue(bytes.bytes, bytes.offset, bytes.length, MAP);
    }

    /** Analyzed once: the field's own postings and the document's {@link #WORDS} come from the same tokens. */
    private static void text(Document doc, String field, String value, AnalyzedText.Words words) {
        if (value != null && !value.isBlank()) {
            doc.add(new Field(field, AnalyzedText.of(field, value, words), TextField.TYPE_NOT_STORED));
        }
    }

    /** Searched, not phrase-matched: only counted in the document's words. */
    private static void counted(String field, String value, AnalyzedText.Words words) {
        if (value != null && !value.isBlank()) {
            AnalyzedText.count(field, value, words);
        }
    }

    /** Searched like {@link #text}, and kept for snippets. */
    private static void snippetText(Document doc, String field, String value, AnalyzedText.Words words) {
        if (value != null && !value.isBlank()) {
            text(doc, field, value, words);
            doc.add(new BinaryDocValuesField(field, new BytesRef(excerpt(value))));
        }
    }

    /** What snippets are taken from: the text as far as the highlighter reads it. */
    static String excerpt(String text) {
        return text.length() <= Snippets.MAX_SOURCE ? text : text.substring(0, Snippets.MAX_SOURCE);
    }

    /** Completion input: control characters are reserved by the suggester; words are what counts. */
    private static String suggestion(String title) {
        if (title == null) {
            return "";
        }
        var clean = CONTROL.matcher(title).replaceAll(" ").strip();
        if (clean.length() > MAX_SUGGESTION_LENGTH) {
            clean = clean.substring(0, MAX_SUGGESTION_LENGTH);
        }
        return clean.codePoints().anyMatch(Character::isLetterOrDigit) ? clean : "";
    }
}
