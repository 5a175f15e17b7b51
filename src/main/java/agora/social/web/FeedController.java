package agora.social.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.platform.ApiException;
import agora.social.internal.FeedPage;
import agora.social.internal.Paging;
import agora.social.internal.RankedFeed;

/**
 * The ranked personal feed. {@code limit}/{@code offset} rank afresh; {@code cursor} (from {@code nextCursor})
 * continues an earlier ranking without repeats or gaps. {@code explain=true} adds each post's score parts.
 */
@RestController
class FeedController {

    private final RankedFeed feed;

    FeedController(RankedFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/feed")
    SocialJson.FeedResponse feed(CurrentUser user, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "false") boolean explain) {
        var paging = Paging.of(limit, offset);
        if (cursor != null && offset != null) {
            throw ApiException.invalid("cursor", "can't be combined with offset");
        }
        var page = cursor != null ? feed.next(user.id(), cursor, paging.limit(), explain)
                : feed.first(user.id(), paging, explain);
        return response(page);
    }

    private static SocialJson.FeedResponse response(FeedPage page) {
        return new SocialJson.FeedResponse(page.entries().stream()
                .map(e -> SocialJson.ListedArticle.of(e.article(), e.score() != null ? SocialJson.Explain.of(e) : null))
                .toList(), page.total(), page.nextCursor());
    }
}
