package agora.social.web;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.platform.ApiException;
import agora.social.internal.Engagement;
import agora.social.internal.Paging;

/** RealWorld favorites (likes) and comments. */
@RestController
class EngagementController {

    private final Engagement engagement;

    EngagementController(Engagement engagement) {
        this.engagement = engagement;
    }

    @PostMapping("/api/articles/{slug}/favorite")
    SocialJson.ArticleResponse favorite(CurrentUser user, @PathVariable String slug) {
        return new SocialJson.ArticleResponse(SocialJson.Article.of(engagement.like(user.id(), slug)));
    }

    @DeleteMapping("/api/articles/{slug}/favorite")
    SocialJson.ArticleResponse unfavorite(CurrentUser user, @PathVariable String slug) {
        return new SocialJson.ArticleResponse(SocialJson.Article.of(engagement.unlike(user.id(), slug)));
    }

    /** Newest first; RealWorld has no paging here, so by default the newest 100 (at most 100 per page). */
    @GetMapping("/api/articles/{slug}/comments")
    SocialJson.CommentsResponse comments(Optional<CurrentUser> user, @PathVariable String slug,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        var paging = Paging.of(limit, offset, Engagement.MAX_COMMENTS_PAGE);
        return new SocialJson.CommentsResponse(engagement.comments(user.map(CurrentUser::id), slug, paging.limit(),
                paging.offset()).stream().map(SocialJson.Comment::of).toList());
    }

    /** RealWorld answers a new comment with 200 (not 201). */
    @PostMapping("/api/articles/{slug}/comments")
    SocialJson.CommentResponse comment(CurrentUser user, @PathVariable String slug,
            @RequestBody SocialJson.NewCommentRequest request) {
        if (request.comment() == null) {
            throw ApiException.invalid("comment", "is required");
        }
        return new SocialJson.CommentResponse(
                SocialJson.Comment.of(engagement.comment(user.id(), slug, request.comment().body())));
    }

    @DeleteMapping("/api/articles/{slug}/comments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteComment(CurrentUser user, @PathVariable String slug, @PathVariable long id) {
        engagement.deleteComment(user.id(), slug, id);
    }
}
