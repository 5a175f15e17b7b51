package agora.social;

/** Blocks and mutes between users, for every module that must refuse or hide accordingly. */
public interface Relationships {

    /** Whether either of the two has blocked the other. */
    boolean blockedEitherWay(long userId, long otherUserId);

    /** Whose content the viewer must not see in lists, feeds and search: blocked either way, muted, muted tags. */
    ViewerFilter filterFor(long viewerId);
}
