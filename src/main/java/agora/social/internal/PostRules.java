package agora.social.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import agora.platform.ApiException;

/** What titles, descriptions, bodies, tags and comments must look like. */
final class PostRules {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_BODY = 100_000;
    static final int MAX_TAG = 40;
    static final int MAX_TAGS = 10;
    static final int MAX_COMMENT = 10_000;

    private PostRules() {
    }

    /** Problems of a field that must be present (or, for an update, may be absent: {@code required = false}). */
    static List<String> text(String value, int max, boolean required) {
        if (value == null) {
            return required ? List.of("can't be blank") : List.of();
        }
        if (value.isBlank()) {
            return List.of("can't be blank");
        }
        if (value.length() > max) {
            return List.of("is too long (maximum is " + max + " characters)");
        }
        return List.of();
    }

    /**
     * Tags as stored: trimmed, lower-cased, without duplicates, in alphabetical order. Tags are
     * case-insensitive, so "Java" and "java" are one tag.
     */
    static List<String> tags(List<String> tagList) {
        if (tagList == null) {
            return List.of();
        }
        var problems = new ArrayList<String>();
        var tags = new TreeSet<String>();
        for (var tag : tagList) {
            if (tag == null || tag.isBlank()) {
                problems.add("can't contain blank tags");
            } else if (tag.strip().length() > MAX_TAG) {
                problems.add("can't contain tags longer than " + MAX_TAG + " characters");
            } else {
                tags.add(tag.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (tags.size() > MAX_TAGS) {
            problems.add("can't have more than " + MAX_TAGS + " tags");
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("tagList", problems.getFirst());
        }
        return List.copyOf(tags);
    }

    static void check(Map<String, List<String>> problems) {
        var errors = new LinkedHashMap<String, List<String>>();
        problems.forEach((field, list) -> {
            if (!list.isEmpty()) {
                errors.put(field, list);
            }
        });
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
