package agora.search.internal;

import java.util.LinkedHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import agora.platform.Timestamps;
import agora.social.PostCatalog;
import agora.social.PostDeleted;
import agora.social.PostEngagementChanged;
import agora.social.PostHidden;
import agora.social.PostPublished;
import agora.social.PostRestored;
import agora.social.PostUpdated;
import agora.social.SearchablePost;

/**
 * Posts, from the social module: title, tags, description and body, with the author's name; likes are their
 * popularity. A deleted or hidden post is absent from {@link PostCatalog#findAllById}, so it leaves the index (and
 * a restored one comes back).
 */
@Component
class PostSource extends ModuleSource<SearchablePost> {

    static final String NAME = "posts";

    PostSource(PostCatalog posts, ChangeLog changes) {
        super(NAME, 1, SearchType.POST, changes, posts::findAllById, posts::listAfter, SearchablePost::id);
    }

    @EventListener
    void on(PostPublished event) {
        changed(event.postId());
    }

    @EventListener
    void on(PostUpdated event) {
        changed(event.postId());
    }

    @EventListener
    void on(PostEngagementChanged event) {
        changed(event.postId());
    }

    @EventListener
    void on(PostDeleted event) {
        changed(event.postId());
    }

    @EventListener
    void on(PostHidden event) {
        changed(event.postId());
    }

    @EventListener
    void on(PostRestored event) {
        changed(event.postId());
    }

    @Override
    SearchDocument document(SearchablePost post) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("slug", post.slug());
        fields.put("description", post.description());
        fields.put("tags", post.tags());
        fields.put("author", post.authorUsername());
        fields.put("favoritesCount", post.favoritesCount());
        fields.put("commentsCount", post.commentsCount());
        fields.put("createdAt", Timestamps.format(post.createdAt()));
        return new SearchDocument(SearchType.POST, post.id(), post.slug(), post.title(), post.tags(),
                post.authorUsername(), post.authorId(), post.description(), post.body(), null, post.favoritesCount(),
                post.createdAt(), fields);
    }
}
