package agora.social;

import java.util.Set;

/**
 * What one viewer must not be shown. Blocked users (either direction) vanish everywhere; muted users and tags only
 * from the viewer's feeds and search results.
 */
public record ViewerFilter(Set<Long> blockedUsers, Set<Long> mutedUsers, Set<String> mutedTags) {

    public static final ViewerFilter NONE = new ViewerFilter(Set.of(), Set.of(), Set.of());

    public ViewerFilter {
        blockedUsers = Set.copyOf(blockedUsers);
        mutedUsers = Set.copyOf(mutedUsers);
        mutedTags = Set.copyOf(mutedTags);
    }

    /** Whether an author's content is hidden from feeds and search (blocked or muted). */
    public boolean hidesAuthor(long userId) {
        return blockedUsers.contains(userId) || mutedUsers.contains(userId);
    }

    public boolean isEmpty() {
        return blockedUsers.isEmpty() && mutedUsers.isEmpty() && mutedTags.isEmpty();
    }
}
