package agora.social.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.accounts.UserDirectory;
import agora.accounts.UserProfile;
import agora.social.Relationships;
import agora.social.ViewerFilter;

/**
 * The newest-first lists: all posts (optionally by tag, author or liker) and the chronological feed. Lists leave
 * out hidden posts (but their author's own) and users blocked either way; the feed leaves out muted users and tags
 * too.
 */
@Service
public class PostListing {

    public static final int TAGS_SHOWN = 100;

    private final PostListRepository lists;
    private final TagRepository tags;
    private final UserDirectory directory;
    private final ArticleViews views;
    private final Relationships relationships;

    PostListing(PostListRepository lists, TagRepository tags, UserDirectory directory, ArticleViews views,
            Relationships relationships) {
        this.lists = lists;
        this.relationships = relationships;
        this.tags = tags;
        this.directory = directory;
        this.views = views;
    }

    /** Unknown tags or usernames match nothing (an empty page), as RealWorld clients expect. */
    @Transactional(readOnly = true)
    public ArticlePage list(Optional<Long> reader, String tag, String author, String favoritedBy, Paging paging) {
        Long tagId = null;
        Long authorId = null;
        Long favoritedById = null;
        if (tag != null) {
            var found = tags.findId(tag.strip().toLowerCase(Locale.ROOT));
            if (found.isEmpty()) {
                return empty();
            }
            tagId = found.get();
        }
        if (author != null) {
            var found = directory.findByUsername(author).map(UserProfile::id);
            if (found.isEmpty()) {
                return empty();
            }
            authorId = found.get();
        }
        if (favoritedBy != null) {
            var found = directory.findByUsername(favoritedBy).map(UserProfile::id);
            if (found.isEmpty()) {
                return empty();
            }
            favoritedById = found.get();
        }
        var filter = reader.map(relationships::filterFor).orElse(ViewerFilter.NONE);
        return page(new PostFilter(authorId, tagId, favoritedById, null, ReaderScope.lists(reader, filter)), reader,
                paging);
    }

    /** Posts by the authors the reader follows, newest first (RealWorld's feed). */
    @Transactional(readOnly = true)
    public ArticlePage feed(long reader, Paging paging) {
        var scope = ReaderScope.feeds(reader, relationships.filterFor(reader));
        return page(new PostFilter(null, null, null, reader, scope), Optional.of(reader), paging);
    }

    @Transactional(readOnly = true)
    public List<String> tags() {
        return tags.popular(TAGS_SHOWN);
    }

    private ArticlePage page(PostFilter filter, Optional<Long> reader, Paging paging) {
        var posts = lists.page(filter, paging.limit(), paging.offset());
        // A page that is not full (and not past the end) already tells the total.
        var complete = posts.size() < paging.limit() && (!posts.isEmpty() || paging.offset() == 0);
        var count = complete ? paging.offset() + posts.size() : lists.count(filter);
        return new ArticlePage(views.of(posts, reader), count);
    }

    private static ArticlePage empty() {
        return new ArticlePage(List.of(), 0);
    }
}
