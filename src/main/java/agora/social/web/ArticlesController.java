package agora.social.web;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.platform.ApiException;
import agora.social.internal.ArticlePage;
import agora.social.internal.ArticleView;
import agora.social.internal.Paging;
import agora.social.internal.PostListing;
import agora.social.internal.Posts;

/** RealWorld articles: lists, the chronological feed, and one article's life. */
@RestController
class ArticlesController {

    private final Posts posts;
    private final PostListing listing;

    ArticlesController(Posts posts, PostListing listing) {
        this.posts = posts;
        this.listing = listing;
    }

    @GetMapping("/api/articles")
    SocialJson.ArticlesResponse list(Optional<CurrentUser> user, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String author, @RequestParam(required = false) String favorited,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return response(listing.list(user.map(CurrentUser::id), tag, author, favorited, Paging.of(limit, offset)));
    }

    @GetMapping("/api/articles/feed")
    SocialJson.ArticlesResponse feed(CurrentUser user, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        return response(listing.feed(user.id(), Paging.of(limit, offset)));
    }

    @GetMapping("/api/articles/{slug}")
    SocialJson.ArticleResponse get(Optional<CurrentUser> user, @PathVariable String slug) {
        return response(posts.get(user.map(CurrentUser::id), slug));
    }

    @PostMapping("/api/articles")
    @ResponseStatus(HttpStatus.CREATED)
    SocialJson.ArticleResponse create(CurrentUser user, @RequestBody SocialJson.NewArticleRequest request) {
        var article = required(request.article());
        return response(posts.create(user.id(), new Posts.Draft(article.title(), article.description(), article.body(),
                article.tagList())));
    }

    @PutMapping("/api/articles/{slug}")
    SocialJson.ArticleResponse update(CurrentUser user, @PathVariable String slug,
            @RequestBody SocialJson.UpdateArticleRequest request) {
        var changes = required(request.article());
        return response(posts.update(user.id(), slug, new Posts.Changes(changes.title(), changes.description(),
                changes.body(), changes.tagList())));
    }

    @DeleteMapping("/api/articles/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable String slug) {
        posts.delete(user.id(), slug);
    }

    static <T> T required(T envelope) {
        if (envelope == null) {
            throw ApiException.invalid("article", "is required");
        }
        return envelope;
    }

    private static SocialJson.ArticleResponse response(ArticleView view) {
        return new SocialJson.ArticleResponse(SocialJson.Article.of(view));
    }

    private static SocialJson.ArticlesResponse response(ArticlePage page) {
        return new SocialJson.ArticlesResponse(
                page.articles().stream().map(a -> SocialJson.ListedArticle.of(a, null)).toList(), page.articlesCount());
    }
}
