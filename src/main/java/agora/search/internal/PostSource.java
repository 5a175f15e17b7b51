package agora.search.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import agora.social.PostCatalog;
import agora.social.PostDeleted;
import agora.social.PostEngagementChanged;
import agora.social.PostPublished;
import agora.social.PostUpdated;
import agora.social.SearchablePost;

/**
 * Posts, from the social module: title, tags, description and body, with the author's name; likes are their
 * popularity. A deleted post is absent from {@link PostCatalog#findAllById}, so it leaves the index.
 */
@Component
class PostSource implements ContentSource {

    static final String NAME = "posts";

    private final PostCatalog posts;
    private final ChangeLog changes;

    PostSource(PostCatalog posts, ChangeLog changes) {
        this.posts = posts;
        this.changes = changes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public SearchType type() {
        return SearchType.POST;
    }

    @Override
    public List<SearchDocument> fetch(Collection<Long> ids) {
        return posts.findAllById(ids).stream().map(PostSource::document).toList();
    }

    @Override
    public Page listAfter(long afterId, int limit) {
        return Page.of(posts.listAfter(afterId, limit), afterId, limit, SearchablePost::id, PostSource::document);
    }

    @ApplicationModuleListener
    void on(PostPublished event) {
        changes.record(NAME, event.postId());
    }

    @ApplicationModuleListener
    void on(PostUpdated event) {
        changes.record(NAME, event.postId());
    }

    @ApplicationModuleListener
    void on(PostEngagementChanged event) {
        changes.record(NAME, event.postId());
    }

    @ApplicationModuleListener
    void on(PostDeleted event) {
        changes.record(NAME, event.postId());
    }

    static SearchDocument document(SearchablePost post) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("slug", post.slug());
        fields.put("description", post.description());
        fields.put("tags", post.tags());
        fields.put("author", post.authorUsername());
        fields.put("favoritesCount", post.favoritesCount());
        fields.put("commentsCount", post.commentsCount());
        fields.put("createdAt", post.createdAt().toString());
        return new SearchDocument(SearchType.POST, post.id(), post.slug(), post.title(), post.tags(),
                post.authorUsername(), post.authorId(), post.description(), post.body(), null, post.favoritesCount(),
                post.createdAt(), fields);
    }
}
