package agora.social.internal;

import agora.platform.ApiException;

/**
 * A page request: {@code limit} 1..100 (default 20), {@code offset} 0..10,000. The offset is bounded because
 * a deep offset makes the database walk every skipped row.
 */
public record Paging(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;

    public static Paging of(Integer limit, Integer offset) {
        return of(limit, offset, DEFAULT_LIMIT);
    }

    public static Paging of(Integer limit, Integer offset, int defaultLimit) {
        var l = limit == null ? defaultLimit : limit;
        var o = offset == null ? 0 : offset;
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (o < 0 || o > MAX_OFFSET) {
            throw ApiException.invalid("offset", "must be between 0 and " + MAX_OFFSET);
        }
        return new Paging(l, o);
    }
}
