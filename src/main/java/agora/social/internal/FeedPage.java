package agora.social.internal;

import java.util.List;

/**
 * One page of the ranked feed.
 *
 * @param total how many posts the ranking holds
 * @param nextCursor continues after this page, or null at the end
 */
public record FeedPage(List<FeedEntry> entries, int total, String nextCursor) {
}
