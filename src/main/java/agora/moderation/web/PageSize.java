package agora.moderation.web;

import agora.platform.ApiException;

/** The {@code limit} of the moderators' lists: 1..100, 20 by default. */
final class PageSize {

    static final int DEFAULT = 20;
    static final int MAX = 100;

    private PageSize() {
    }

    static int of(Integer limit) {
        if (limit == null) {
            return DEFAULT;
        }
        if (limit < 1 || limit > MAX) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX);
        }
        return limit;
    }
}
