package agora.search.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic world that looks like Agora's content: posts (long bodies, tags, likes), products
 * (short descriptions, tags, prices in three currencies, sales) and profiles (username, bio). Words come from a
 * generated vocabulary with a Zipf-like frequency, so some words are very common and most are rare, as in
 * real text.
 */
final class SyntheticCorpus {

    static final int VOCABULARY = 30_000;
    static final int TAGS = 2_000;
    private static final int STOP_WORD_RANKS = 100;
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "wen", "dar", "el",
            "or", "an", "ber", "cor", "dun", "fal", "gra", "hol", "ist", "jor", "kel", "lin", "mor", "nal", "pra",
            "quin", "ros", "sel", "tar", "ul", "ven", "wil", "yar", "zen", "ch", "th", "ing", "ed", "er"};
    private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "USD", "GBP"};

    final String[] words = new String[VOCABULARY];
    final String[] tags = new String[TAGS];
    private final long seed;
    private final Instant now = Instant.parse("2026-11-01T00:00:00Z");

    SyntheticCorpus(long seed) {
        this.seed = seed;
        var random = new SplittableRandom(seed);
        var seen = new java.util.HashSet<String>();
        for (var i = 0; i < VOCABULARY; i++) {
            String word;
            do {
                var syllables = 2 + random.nextInt(3);
                var builder = new StringBuilder();
                for (var s = 0; s < syllables; s++) {
                    builder.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                word = builder.toString();
            } while (!seen.add(word));
            words[i] = word;
        }
        for (var i = 0; i < TAGS; i++) {
            tags[i] = words[50 + i * 7];
        }
    }

    /**
     * A word with a Zipf-like rank (rank r drawn with probability about 1/r), leaving out the 100 most frequent
     * ranks: in real text those are stop words, which the index drops anyway.
     */
    String word(SplittableRandom random) {
        int rank;
        do {
            rank = zipf(random, VOCABULARY + STOP_WORD_RANKS);
        } while (rank < STOP_WORD_RANKS);
        return words[rank - STOP_WORD_RANKS];
    }

    String tag(SplittableRandom random) {
        return tags[zipf(random, TAGS)];
    }

    static int zipf(SplittableRandom random, int n) {
        // inverse CDF of a continuous 1/x distribution on [1, n+1)
        return Math.min(n - 1, (int) Math.floor(Math.exp(random.nextDouble() * Math.log(n + 1)) - 1));
    }

    String sentence(SplittableRandom random, int words) {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++) {
            var word = word(random);
            text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            text.append(i + 1 == words ? ". " : random.nextInt(12) == 0 ? ", " : " ");
        }
        return text.toString().strip();
    }

    private String paragraph(SplittableRandom random, int minWords, int maxWords) {
        var total = minWords + random.nextInt(maxWords - minWords + 1);
        var text = new StringBuilder();
        while (total > 0) {
            var length = Math.min(total, 6 + random.nextInt(14));
            text.append(sentence(random, length)).append(' ');
            total -= length;
        }
        return text.toString().strip();
    }

    private List<String> tagList(SplittableRandom random) {
        var count = 1 + random.nextInt(4);
        var list = new ArrayList<String>();
        while (list.size() < count) {
            var tag = tag(random);
            if (!list.contains(tag)) {
                list.add(tag);
            }
        }
        return list;
    }

    private Instant created(SplittableRandom random) {
        return now.minusSeconds(random.nextLong(2L * 365 * 86_400));
    }

    /** Document number {@code n}: 80 % posts, 10 % products, 10 % profiles. The same n always gives the same document. */
    SearchDocument document(long n) {
        var random = new SplittableRandom(seed * 31 + n);
        var kind = n % 10;
        if (kind < 8) {
            var title = sentence(random, 3 + random.nextInt(6));
            title = title.substring(0, title.length() - 1);
            var tags = tagList(random);
            var likes = (long) Math.floor(Math.exp(random.nextDouble() * Math.log(5_000)));
            var fields = new LinkedHashMap<String, Object>();
            fields.put("slug", "post-" + n);
            fields.put("tags", tags);
            fields.put("author", "user" + (n % 100_000));
            fields.put("favoritesCount", likes);
            return new SearchDocument(SearchType.POST, n, "post-" + n, title, tags, "user" + (n % 100_000),
                    1 + n % 100_000, paragraph(random, 8, 20), paragraph(random, 40, 140), null, likes, created(random), fields);
        }
        if (kind == 8) {
            var title = sentence(random, 2 + random.nextInt(4));
            title = title.substring(0, title.length() - 1);
            var tags = tagList(random);
            var price = (long) Math.floor(Math.exp(4 + random.nextDouble() * 8)); // about 0.55 to 8,100.00
            var currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
            var sold = (long) Math.floor(Math.exp(random.nextDouble() * Math.log(2_000)));
            var fields = new LinkedHashMap<String, Object>();
            fields.put("tags", tags);
            fields.put("price", Map.of("amount", price, "currency", currency));
            fields.put("seller", "user" + (n % 100_000));
            return new SearchDocument(SearchType.PRODUCT, n, "p" + Long.toHexString(n * 2654435761L), title, tags,
                    "user" + (n % 100_000), 1 + n % 100_000, paragraph(random, 15, 40), null, new SearchDocument.Price(price, currency),
                    sold, created(random), fields);
        }
        var username = word(random) + n;
        var fields = new LinkedHashMap<String, Object>();
        fields.put("username", username);
        fields.put("bio", null);
        return new SearchDocument(SearchType.PROFILE, n, username, username, List.of(), null, 0, paragraph(random, 5, 25),
                null, null, 0, null, fields);
    }
}
