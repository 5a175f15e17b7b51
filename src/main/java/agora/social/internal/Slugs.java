package agora.social.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Readable URL names for posts: "How to train your Dragon!" becomes {@code how-to-train-your-dragon}; a title
 * whose slug is taken gets a numbered one ({@code how-to-train-your-dragon-2}).
 */
final class Slugs {

    static final int MAX_BASE = 100;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    static String base(String title) {
        var ascii = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("");
        var slug = SEPARATORS.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        if (slug.length() > MAX_BASE) {
            slug = slug.substring(0, MAX_BASE);
        }
        slug = trimDashes(slug);
        if (slug.isEmpty()) {
            return "post";
        }
        // "/api/articles/feed" is the feed, so no post may be called "feed".
        return slug.equals("feed") ? "feed-post" : slug;
    }

    /** The base itself, then {@code base-2} up to {@code base-<count>}, in order of preference. */
    static List<String> candidates(String base, int count) {
        var candidates = new ArrayList<String>(count);
        candidates.add(base);
        for (var n = 2; n <= count; n++) {
            candidates.add(base + "-" + n);
        }
        return candidates;
    }

    private static String trimDashes(String slug) {
        var start = 0;
        var end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
