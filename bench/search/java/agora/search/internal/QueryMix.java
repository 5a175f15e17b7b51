package agora.search.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.lucene.search.IndexSearcher;

/**
 * A realistic mix of searches, all with facets (they always are): single words, two-word phrases taken from
 * real titles, misspelled words, searches filtered by type or by tag, and tag listings sorted by newest.
 */
record QueryMix(List<SearchRequest> requests, List<String> kinds) {

    static QueryMix of(SyntheticCorpus corpus, int count, SplittableRandom random) {
        var requests = new ArrayList<SearchRequest>();
        var kinds = new ArrayList<String>();
        for (var i = 0; i < count; i++) {
            var roll = random.nextInt(100);
            String kind;
            SearchRequest request;
            if (roll < 35) {
                kind = "single word";
                request = request(corpus.word(random), null, null, null);
            } else if (roll < 55) {
                kind = "two-word phrase";
                var title = corpus.document(random.nextLong(1_000_000)).title().toLowerCase().split(" ");
                var at = title.length < 2 ? 0 : random.nextInt(title.length - 1);
                request = request(title.length < 2 ? title[0] : title[at] + " " + title[at + 1], null, null, null);
            } else if (roll < 70) {
                kind = "misspelled word";
                request = request(misspell(corpus.word(random), random), null, null, null);
            } else if (roll < 85) {
                kind = "word + type filter";
                request = request(corpus.word(random), random.nextBoolean() ? "product" : "post", null, null);
            } else if (roll < 95) {
                kind = "word + tag filter";
                request = request(corpus.word(random), null, corpus.tag(random), null);
            } else {
                kind = "tag listing, newest";
                request = request("", null, corpus.tag(random), "newest");
            }
            requests.add(request);
            kinds.add(kind);
        }
        return new QueryMix(requests, kinds);
    }

    private static SearchRequest request(String q, String type, String tag, String sort) {
        return SearchRequest.of(q, type == null ? null : List.of(type), tag == null ? null : List.of(tag), null, null,
                null, sort, 20, 0);
    }

    /** One typo (substitution, deletion, insertion or transposition), never in the first letter. */
    private static String misspell(String word, SplittableRandom random) {
        if (word.length() < 5) {
            return word;
        }
        var chars = new StringBuilder(word);
        var at = 1 + random.nextInt(word.length() - 2);
        switch (random.nextInt(4)) {
            case 0 -> chars.setCharAt(at, (char) ('a' + random.nextInt(26)));
            case 1 -> chars.deleteCharAt(at);
            case 2 -> chars.insert(at, (char) ('a' + random.nextInt(26)));
            default -> {
                var c = chars.charAt(at);
                chars.setCharAt(at, chars.charAt(at + 1));
                chars.setCharAt(at + 1, c);
            }
        }
        return chars.toString();
    }

    /** p50/p99 of CPU time per kind of query. */
    void printBreakdown(IndexSearcher searcher, long now) throws java.io.IOException {
        var byKind = new LinkedHashMap<String, List<Long>>();
        for (var i = 0; i < requests.size(); i++) {
            var started = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            SearchService.search(searcher, requests.get(i), now);
            byKind.computeIfAbsent(kinds.get(i), k -> new ArrayList<>())
                    .add(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - started);
        }
        for (Map.Entry<String, List<Long>> entry : byKind.entrySet()) {
            var nanos = entry.getValue().stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(nanos);
            System.out.printf("  CPU %-22s %s%n", entry.getKey(), SearchBench.percentiles(nanos));
        }
    }
}
