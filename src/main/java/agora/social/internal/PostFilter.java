package agora.social.internal;

/**
 * Which posts a list shows; null criteria don't filter. All given criteria must hold.
 *
 * @param followedBy posts by authors this user follows (the RealWorld feed)
 * @param scope what the reader may see (hidden posts, blocks, mutes)
 */
record PostFilter(Long authorId, Long tagId, Long favoritedBy, Long followedBy, ReaderScope scope) {

    static PostFilter everything() {
        return new PostFilter(null, null, null, null, ReaderScope.ANONYMOUS);
    }
}
