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
    final Map<String, Integer> tags = new HashMap<>();
    final Map<String, int[]> prices = new HashMap<>();

    static int priceRange(long amount) {
        var range = 0;
        while (range + 1 < PRICE_BOUNDS.length && amount >= PRICE_BOUNDS[range + 1]) {
            range++;
        }
        return range;
    }

    void add(Facets other) {
        for (var i = 0; i < types.length; i++) {
            types[i] += other.types[i];
        }
        other.tags.forEach((tag, count) -> tags.merge(tag, count, Integer::sum));
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
        tags.forEach((tag, count) -> scaled.tags.put(tag, (int) Math.round(count * factor)));
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

    /** The facets as the API shows them. */
    Map<String, Object> view() {
        var typeCounts = new LinkedHashMap<String, Integer>();
        for (var type : SearchType.values()) {
            typeCounts.put(type.apiName(), types[type.ordinal()]);
        }
        Comparator<Map.Entry<String, Integer>> mostUsed = Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey());
        var top = new PriorityQueue<>(TOP_TAGS + 1, mostUsed.reversed());
        for (var entry : tags.entrySet()) {
            top.add(entry);
            if (top.size() > TOP_TAGS) {
                top.poll();
            }
        }
        var topTags = new LinkedHashMap<String, Integer>();
        top.stream().sorted(mostUsed).forEach(entry -> topTags.put(entry.getKey(), entry.getValue()));
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
        var view = new LinkedHashMap<String, Object>();
        view.put("type", typeCounts);
        view.put("tags", topTags);
        view.put("price", List.copyOf(ranges));
        return view;
    }
}
