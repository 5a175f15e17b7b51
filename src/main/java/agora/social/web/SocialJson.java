package agora.social.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import agora.platform.Timestamps;
import agora.social.internal.ArticleView;
import agora.social.internal.AuthorView;
import agora.social.internal.CommentView;
import agora.social.internal.FeedEntry;
import agora.social.internal.Hidden;
import agora.social.internal.ProfileView;

/** RealWorld's request and response bodies for profiles, articles, comments and tags. */
final class SocialJson {

    private SocialJson() {
    }

    record Profile(String username, String bio, String image, boolean following) {
        static Profile of(AuthorView author) {
            return new Profile(author.username(), author.bio(), author.image(), author.following());
        }
    }

    /** A profile by itself: for a signed-in reader looking at someone else, whether the reader blocks or mutes them. */
    record ViewedProfile(String username, String bio, String image, boolean following,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean blocking,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean muting) {
        static ViewedProfile of(ProfileView view) {
            var author = view.author();
            return new ViewedProfile(author.username(), author.bio(), author.image(), author.following(),
                    view.blocking(), view.muting());
        }
    }

    record ProfileResponse(ViewedProfile profile) {
    }

    record ProfilesResponse(List<Profile> profiles, long profilesCount) {
    }

    record MutesResponse(List<Profile> profiles, List<String> tags) {
    }

    record MutedTag(String name, boolean muting) {
    }

    record MutedTagResponse(MutedTag tag) {
    }

    /** {@code mentions} (beyond RealWorld): the usernames the body mentions with {@code @username}. */
    record Article(String slug, String title, String description, String body, List<String> tagList,
            String createdAt, String updatedAt, boolean favorited, int favoritesCount, Profile author,
            List<String> mentions, @JsonInclude(JsonInclude.Include.NON_NULL) HiddenNote hidden) {
        static Article of(ArticleView view) {
            var post = view.post();
            return new Article(post.slug(), post.title(), post.description(), post.body(), view.tags(),
                    time(post.createdAt()), time(post.updatedAt()), view.favorited(), post.favoritesCount(),
                    Profile.of(view.author()), view.mentions(), HiddenNote.of(post.hidden()));
        }
    }

    record ArticleResponse(Article article) {
    }

    /** An article in a list: without its body; with the score's parts when the reader asked why. */
    record ListedArticle(String slug, String title, String description, List<String> tagList, String createdAt,
            String updatedAt, boolean favorited, int favoritesCount, Profile author,
            @JsonInclude(JsonInclude.Include.NON_NULL) Explain explain,
            @JsonInclude(JsonInclude.Include.NON_NULL) HiddenNote hidden) {
        static ListedArticle of(ArticleView view, Explain explain) {
            var post = view.post();
            return new ListedArticle(post.slug(), post.title(), post.description(), view.tags(),
                    time(post.createdAt()), time(post.updatedAt()), view.favorited(), post.favoritesCount(),
                    Profile.of(view.author()), explain, HiddenNote.of(post.hidden()));
        }
    }

    record ArticlesResponse(List<ListedArticle> articles, long articlesCount) {
    }

    /** The ranked feed: RealWorld's list envelope plus the cursor of the next page (null at the end). */
    record FeedResponse(List<ListedArticle> articles, long articlesCount, String nextCursor) {
    }

    /** Why a post is in the ranked feed, and where: {@code score = freshness × engagement × affinity × sourceWeight}. */
    record Explain(String source, double score, double ageHours, double freshness, double engagement, double affinity,
            double sourceWeight, int likes, int comments) {
        static Explain of(FeedEntry entry) {
            var s = entry.score();
            var post = entry.article().post();
            return new Explain(entry.source().name().toLowerCase(), s.total(), s.ageHours(), s.freshness(),
                    s.engagement(), s.affinity(), s.sourceWeight(), post.favoritesCount(), post.commentsCount());
        }
    }

    record NewArticle(String title, String description, String body, List<String> tagList) {
    }

    record NewArticleRequest(NewArticle article) {
    }

    /** RealWorld changes title, description and body; tagList is accepted too, replacing the tags. */
    record ArticleChanges(String title, String description, String body, List<String> tagList) {
    }

    record UpdateArticleRequest(ArticleChanges article) {
    }

    record NewComment(String body) {
    }

    record NewCommentRequest(NewComment comment) {
    }

    /** {@code mentions} (beyond RealWorld): the usernames the body mentions with {@code @username}. */
    record Comment(long id, String createdAt, String updatedAt, String body, Profile author, List<String> mentions,
            @JsonInclude(JsonInclude.Include.NON_NULL) HiddenNote hidden) {
        static Comment of(CommentView view) {
            var c = view.comment();
            return new Comment(c.id(), time(c.createdAt()), time(c.updatedAt()), c.body(), Profile.of(view.author()),
                    view.mentions(), HiddenNote.of(c.hidden()));
        }
    }

    record CommentResponse(Comment comment) {
    }

    record CommentsResponse(List<Comment> comments) {
    }

    record TagsResponse(List<String> tags) {
    }

    /**
     * Why a moderator hid an article or comment, and when. Only its author is ever shown hidden content, so only
     * they see this.
     */
    record HiddenNote(String reason, String at) {
        static HiddenNote of(Hidden hidden) {
            return hidden == null ? null : new HiddenNote(hidden.reason(), time(hidden.at()));
        }
    }

    static String time(Instant instant) {
        return Timestamps.format(instant);
    }
}
