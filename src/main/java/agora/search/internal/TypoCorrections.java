package agora.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.automaton.CompiledAutomaton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The index terms a query word may be a typo of: terms of the searched fields within the allowed edit distance
 * (insertions, deletions, substitutions, transpositions), the first letter right. One Levenshtein automaton per
 * word (cached: building one costs far more than using it) is run over the term dictionary of
 * {@link IndexSchema#WORDS}, every searched field's words at once; the closest terms, then those in the most
 * documents, are kept: {@value #MAX_CORRECTIONS} for a word the index does not have,
 * {@value #MAX_CORRECTIONS_OF_KNOWN_WORD} for one it has (then a typo is less likely, and every correction
 * adds the cost of its postings to the query), none for a word in {@value #TYPED_AS_MEANT} documents or more.
 * Such a word was typed as meant (as Typesense, by default, looks for typos only when the words as typed find
 * nothing); its corrections could only add matches below every exact one, and building their automaton and
 * reading their postings cost a search over a large index a fifth of its time.
 */
final class TypoCorrections {

    static final int MAX_CORRECTIONS = 16;
    static final int MAX_CORRECTIONS_OF_KNOWN_WORD = 3;
    static final int TYPED_AS_MEANT = 100;
    /** The first letter must be right: the common rule, and it keeps the automata small and fast. */
    static final int PREFIX = 1;
    /** Terms looked at per segment: bounds the work for short, very common stems. */
    private static final int SCAN_LIMIT = 512;
    /**
     * Memory the cached automata may take. Their size varies a hundredfold (a one-typo automaton of a short word
     * is a few KB, a two-typo one of a long word about 150 KB), so the cache is bounded by bytes, not entries.
     */
    static final long CACHE_BYTES = 32L << 20;
    private static final Cache<String, CompiledAutomaton> AUTOMATA = Caffeine.newBuilder()
            .maximumWeight(CACHE_BYTES)
            .weigher((String word, CompiledAutomaton automaton) -> weight(word, automaton))
            .build();

    private TypoCorrections() {
    }

    static List<String> of(IndexReader reader, String stem, int typos) throws IOException {
        if (typos <= 0 || stem.codePointCount(0, stem.length()) <= PREFIX) {
            return List.of();
        }
        var containing = reader.docFreq(new Term(IndexSchema.WORDS, stem));
        if (containing >= TYPED_AS_MEANT) {
            return List.of();
        }
        var automaton = AUTOMATA.get(stem + '\u0000' + typos,
                key -> FuzzyQuery.getFuzzyAutomaton(stem, typos, PREFIX, true));
        var documents = new HashMap<String, Long>();
        for (var leaf : reader.leaves()) {
            var terms = leaf.reader().terms(IndexSchema.WORDS);
            if (terms == null) {
                continue;
            }
            var matches = automaton.getTermsEnum(terms);
            var scanned = 0;
            for (var term = matches.next(); term != null && scanned < SCAN_LIMIT; term = matches.next(), scanned++) {
                var text = term.utf8ToString();
                if (!text.equals(stem)) {
                    documents.merge(text, (long) matches.docFreq(), Long::sum);
                }
            }
        }
        return closestFirst(stem, documents, containing > 0 ? MAX_CORRECTIONS_OF_KNOWN_WORD : MAX_CORRECTIONS);
    }

    /** What an automaton and its key take in memory, as the cache counts it. */
    static int weight(String word, CompiledAutomaton automaton) {
        return (int) Math.min(Integer.MAX_VALUE, automaton.ramBytesUsed() + 2L * word.length() + 64);
    }

    /** The memory the cached automata take now (for tests and the benchmark). */
    static long cachedBytes() {
        AUTOMATA.cleanUp();
        return AUTOMATA.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    private static List<String> closestFirst(String stem, Map<String, Long> documents, int limit) {
        var candidates = new ArrayList<>(documents.keySet());
        var distances = new HashMap<String, Integer>();
        candidates.forEach(candidate -> distances.put(candidate, distance(stem, candidate)));
        candidates.sort(Comparator.<String>comparingInt(distances::get)
                .thenComparing(Comparator.<String>comparingLong(documents::get).reversed())
                .thenComparing(Comparator.naturalOrder()));
        return List.copyOf(candidates.subList(0, Math.min(limit, candidates.size())));
    }

    /** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
    static int distance(String a, String b) {
        var d = new int[a.length() + 1][b.length() + 1];
        for (var i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (var j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (var i = 1; i <= a.length(); i++) {
            for (var j = 1; j <= b.length(); j++) {
                var cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
