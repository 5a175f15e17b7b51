package agora.social.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

import agora.accounts.UserDirectory;
import agora.social.PostCatalog;
import agora.social.SearchablePost;

/** {@link PostCatalog} for other modules: posts with tags and author names, a batch at a time. */
@Service
class Catalog implements PostCatalog {

    static final int MAX_BATCH = 1000;

    private final PostRepository posts;
    private final TagRepository tags;
    private final UserDirectory directory;

    Catalog(PostRepository posts, TagRepository tags, UserDirectory directory) {
        this.posts = posts;
        this.tags = tags;
        this.directory = directory;
    }

    @Override
    public List<SearchablePost> findAllById(Collection<Long> ids) {
        if (ids.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " posts at a time");
        }
        return searchable(posts.findPublicById(ids));
    }

    @Override
    public List<SearchablePost> listAfter(long afterId, int limit) {
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_BATCH);
        }
        return searchable(posts.listPublicAfter(afterId, limit));
    }

    private List<SearchablePost> searchable(List<Post> page) {
        var postIds = page.stream().map(Post::id).toList();
        var tagNames = tags.namesByPost(postIds);
        var authors = directory.findAllById(page.stream().map(Post::authorId).distinct().toList());
        return page.stream().map(p -> {
            var author = authors.get(p.authorId());
            return new SearchablePost(p.id(), p.slug(), p.title(), p.description(), p.body(),
                    tagNames.getOrDefault(p.id(), List.of()), p.authorId(),
                    author != null ? author.username() : AuthorView.DELETED.username(), p.favoritesCount(),
                    p.commentsCount(), p.createdAt(), p.updatedAt());
        }).toList();
    }
}
