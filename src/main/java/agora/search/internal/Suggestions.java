package agora.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.suggest.document.PrefixCompletionQuery;
import org.apache.lucene.search.suggest.document.SuggestIndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.springframework.stereotype.Service;

import agora.platform.ApiException;
import agora.social.ViewerFilter;

/**
 * Search-as-you-type: completions of what was typed so far. Tags starting with it (the most used first, at
 * most three) come first, then titles and usernames starting with it, the most popular first; at most ten in
 * all. Titles come from a completion automaton in the index itself (so deleted content never shows up), tags
 * from the tag terms.
 */
@Service
public class Suggestions {

    public static final int MAX = 10;
    static final int MAX_TAGS = 3;
    /** Tags looked at per keystroke: bounds the work for a one-letter prefix over many tags. */
    static final int TAG_SCAN = 256;

    public record Suggestion(String text, String type) {
    }

    private final SearchIndex index;

    Suggestions(SearchIndex index) {
        this.index = index;
    }

    /** Completions for this viewer: none from users hidden from them, no muted tags. */
    public List<Suggestion> suggest(String typed, ViewerFilter viewer) {
        if (typed != null && typed.length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw ApiException.invalid("q", "is too long (maximum is " + SearchRequest.MAX_QUERY_LENGTH + " characters)");
        }
        var prefix = typed == null ? "" : typed.strip();
        if (prefix.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return List.of();
        }
        try {
            return index.withSearcher(searcher -> suggest(searcher, prefix, viewer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Completions of a non-blank prefix on one searcher (also what the benchmark runs). */
    static List<Suggestion> suggest(SuggestIndexSearcher searcher, String prefix, ViewerFilter viewer)
            throws IOException {
        var suggestions = new ArrayList<Suggestion>();
        var seen = new HashSet<String>();
        for (var tag : tags(searcher.getIndexReader(), IndexSchema.tag(prefix), viewer)) {
            if (seen.add(tag)) {
                suggestions.add(new Suggestion(tag, "tag"));
            }
        }
        for (var completion : titles(searcher, prefix, viewer)) {
            if (suggestions.size() < MAX && seen.add(completion.text().toLowerCase(Locale.ROOT))) {
                suggestions.add(completion);
            }
        }
        return List.copyOf(suggestions);
    }

    private static List<Suggestion> titles(SuggestIndexSearcher searcher, String prefix, ViewerFilter viewer)
            throws IOException {
        var term = new Term(IndexSchema.SUGGEST, prefix);
        var excluded = ViewerExclusions.of(viewer);
        var query = excluded.isEmpty() ? new PrefixCompletionQuery(TextAnalysis.COMPLETION, term)
                : new PrefixCompletionQuery(TextAnalysis.COMPLETION, term,
                        VisibleDocuments.except(searcher, excluded.get()));
        var found = searcher.suggest(query, MAX, true);
        var titles = new ArrayList<Suggestion>();
        for (var hit : found.scoreLookupDocs()) {
            var document = IndexSchema.stored(searcher, hit.doc);
            titles.add(new Suggestion(hit.key.toString(), (String) document.get("type")));
        }
        return titles;
    }

    private record TagCount(String tag, int documents) {
    }

    private static List<String> tags(IndexReader reader, String prefix, ViewerFilter viewer) throws IOException {
        var terms = MultiTerms.getTerms(reader, IndexSchema.TAG);
        if (terms == null || prefix.isEmpty()) {
            return List.of();
        }
        var start = new BytesRef(prefix);
        var iterator = terms.iterator();
        if (iterator.seekCeil(start) == TermsEnum.SeekStatus.END) {
            return List.of();
        }
        var candidates = new ArrayList<TagCount>();
        var term = iterator.term();
        for (var scanned = 0; scanned < TAG_SCAN && term != null && StringHelper.startsWith(term, start); scanned++) {
            candidates.add(new TagCount(term.utf8ToString(), iterator.docFreq()));
            term = iterator.next();
        }
        candidates.sort(Comparator.comparingInt(TagCount::documents).reversed().thenComparing(TagCount::tag));
        var tags = new ArrayList<String>();
        for (var candidate : candidates) {
            if (tags.size() == MAX_TAGS) {
                break;
            }
            if (!ViewerExclusions.mutes(viewer, candidate.tag()) && inLiveDocument(reader, candidate.tag())) {
                tags.add(candidate.tag());
            }
        }
        return tags;
    }

    /** Term statistics still count deleted documents until segments merge: make sure the tag is really in use. */
    private static boolean inLiveDocument(IndexReader reader, String tag) throws IOException {
        var term = new Term(IndexSchema.TAG, tag);
        for (var leaf : reader.leaves()) {
            var postings = leaf.reader().postings(term, PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            var live = leaf.reader().getLiveDocs();
            for (var doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    return true;
                }
            }
        }
        return false;
    }
}
