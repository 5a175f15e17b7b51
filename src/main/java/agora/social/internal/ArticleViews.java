package agora.social.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import agora.accounts.UserDirectory;

/**
 * Turns posts into what a reader sees, for any number of posts in a constant number of queries: one each for
 * tags, authors, the reader's follows among the authors and the reader's likes among the posts.
 */
@Component
class ArticleViews {

    private final TagRepository tags;
    private final FollowRepository follows;
    private final FavoriteRepository favorites;
    private final UserDirectory directory;

    private final Mentions mentions;

    ArticleViews(TagRepository tags, FollowRepository follows, FavoriteRepository favorites, UserDirectory directory,
            Mentions mentions) {
        this.tags = tags;
        this.mentions = mentions;
        this.follows = follows;
        this.favorites = favorites;
        this.directory = directory;
    }

    /** One post, with whom it mentions. */
    ArticleView of(Post post, Optional<Long> reader) {
        var view = of(List.of(post), reader).getFirst();
        var source = Mentions.ofPost(post.id());
        return new ArticleView(view.post(), view.tags(), view.author(), view.favorited(),
                mentions.usernames(List.of(source)).getOrDefault(source, List.of()));
    }

    /** Views in the order of the given posts. */
    List<ArticleView> of(List<Post> posts, Optional<Long> reader) {
        return of(posts, reader, authorIds -> reader.map(r -> follows.followedAmong(r, authorIds)).orElse(Set.of()));
    }

    /**
     * Views in the order of the given posts, for a reader who is known to follow exactly {@code followed} among their
     * authors (the ranked feed read that in the same transaction), so that is not asked again.
     */
    List<ArticleView> of(List<Post> posts, long reader, Set<Long> followed) {
        return of(posts, Optional.of(reader), authorIds -> followed);
    }

    private List<ArticleView> of(List<Post> posts, Optional<Long> reader,
            Function<List<Long>, Set<Long>> followedAmongAuthors) {
        if (posts.isEmpty()) {
            return List.of();
        }
        var postIds = posts.stream().map(Post::id).toList();
        var authorIds = posts.stream().map(Post::authorId).distinct().toList();
        var tagNames = tags.namesByPost(postIds);
        var profiles = directory.findAllById(authorIds);
        var followed = followedAmongAuthors.apply(authorIds);
        Set<Long> liked = reader.map(r -> favorites.favoritedAmong(r, postIds)).orElse(Set.of());
        return posts.stream().map(post -> new ArticleView(post, tagNames.getOrDefault(post.id(), List.of()),
                AuthorView.of(profiles.get(post.authorId()), followed.contains(post.authorId())),
                liked.contains(post.id()), List.of())).toList();
    }
}
