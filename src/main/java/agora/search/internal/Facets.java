package agora.search.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Counts over every matching document: per type (ignoring the type filter, so a client can show what the other
 * types hold), per tag (the most used first) and per price range (products, per currency, in minor units).
 */
final class Facets {

    static final int TOP_TAGS = 10;
    /** Lower bounds of the price ranges, in minor units. */
    static final long[] PRICE_BOUNDS = {0, 1_000, 5_000, 10_000, 50_000};

    final int[] types = new int[SearchType.values().length];
    /** Counts by index-wide tag ordinal ({@link TagOrdinals}), once a segment has counted any. */
    private TagOrdinals tagOrdinals;
    private int[] tagCounts;
    final Map<String, int[]> prices = new HashMap<>();

    static int priceRange(long amount) {
        var range = 0;
        while (range + 1 < PRICE_BOUNDS.length && amount >= PRICE_BOUNDS[range + 1]) {
            range++;
        }
        return range;
    }

    /** The tag counts to add a segment's into, numbered by {@code ordinals} (the same for every segment of a search). */
    int[] tagCounts(TagOrdinals ordinals) {
        if (tagOrdinals == null) {
            tagOrdinals = ordinals;
            tagCounts = new int[ordinals.size()];
        }
        return tagCounts;
    }

    void add(Facets other) {
        for (var i = 0; i < types.length; i++) {
            types[i] += other.types[i];
        }
        if (other.tagOrdinals != null) {
            var counts = tagCounts(other.tagOrdinals);
            for (var ord = 0; ord < counts.length; ord++) {
                counts[ord] += other.tagCounts[ord];
            }
        }
        other.prices.forEach((currency, counts) -> {
            var mine = prices.computeIfAbsent(currency, c -> new int[PRICE_BOUNDS.length]);
            for (var i = 0; i < counts.length; i++) {
                mine[i] += counts[i];
            }
        });
    }

    /** These counts multiplied by {@code factor} (an estimate from a sample), rounded. */
    Facets scaled(double factor) {
        var scaled = new Facets();
        for (var i = 0; i < types.length; i++) {
            scaled.types[i] = (int) Math.round(types[i] * factor);
        }
        if (tagOrdinals != null) {
            var counts = scaled.tagCounts(tagOrdinals);
            for (var ord = 0; ord < counts.length; ord++) {
                counts[ord] = (int) Math.round(tagCounts[ord] * factor);
            }
        }
        prices.forEach((currency, counts) -> {
            var mine = new int[counts.length];
            for (var i = 0; i < counts.length; i++) {
                mine[i] = (int) Math.round(counts[i] * factor);
            }
            scaled.prices.put(currency, mine);
        });
        return scaled;
    }

    public record PriceRange(String range, String currency, long minPrice, Long maxPrice, int count) {
    }

    /** The {@value #TOP_TAGS} most used tags, most used first (ties by name). */
    private Map<String, Integer> topTags() {
        var topTags = new LinkedHashMap<String, Integer>();
        if (tagOrdinals == null) {
            return topTags;
        }
        Comparator<Integer> mostUsed = Comparator.<Integer>comparingInt(ord -> -tagCounts[ord]).thenComparing(tagOrdinals::name);
        var top = new PriorityQueue<>(TOP_TAGS + 1, mostUsed.reversed());
        for (var ord = 0; ord < tagCounts.length; ord++) {
            if (tagCounts[ord] == 0 || top.size() == TOP_TAGS && tagCounts[ord] < tagCounts[top.peek()]) {
                continue;
            }
            top.add(ord);
            if (top.size() > TOP_TAGS) {
                top.poll();
            }
        }
        top.stream().sorted(mostUsed).forEach(ord -> topTags.put(tagOrdinals.name(ord), tagCounts[ord]));
        return topTags;
    }

    /** The facets as the API shows them. */
    Map<String, Object> view() {
        var typeCounts = new LinkedHashMap<String, Integer>();
        for (var type : SearchType.values()) {
            typeCounts.put(type.apiName(), types[type.ordinal()]);
        }
        var view = new LinkedHashMap<String, Object>();
        view.put("type", typeCounts);
        view.put("tags", topTags());
        var ranges = new ArrayList<PriceRange>();
        new TreeMap<>(prices).forEach((currency, counts) -> {
            for (var i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    var min = PRICE_BOUNDS[i];
                    var max = i + 1 < PRICE_BOUNDS.length ? PRICE_BOUNDS[i + 1] - 1 : null;
                    ranges.add(new PriceRange(max == null ? min + "+" : min + "-" + max, currency, min, max, counts[i]));
                }
            }
        });
        view.put("price", List.copyOf(ranges));
        return view;
    }
}
