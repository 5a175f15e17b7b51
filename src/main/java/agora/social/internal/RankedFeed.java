package agora.social.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.social.Relationships;
import agora.social.internal.FeedRanking.Candidate;
import agora.social.internal.FeedRanking.Ranked;
import agora.social.internal.FeedRanking.Source;

/**
 * The personal feed: recent posts by followed authors plus a few popular recent posts in tags the reader
 * likes, ranked by {@link FeedRanking}. A first page ranks the candidates once; its cursor carries the rest of
 * that ranking, so the following pages neither repeat nor skip posts. Hidden posts, blocked and muted users and
 * muted tags never become candidates; a cursor's later pages leave out what was hidden, blocked or muted since.
 * The candidates' ids are kept for a short while ({@link KeptCandidates}): the reader's next requests read those
 * posts again, with the followed authors' newer posts, and rank them anew, instead of searching.
 */
@Service
public class RankedFeed {

    /**
     * A kept set is completed with the followed authors' posts published since it was kept, less this margin: a post
     * stamped just before that moment may commit just after it.
     */
    private static final Duration LATE_COMMIT = Duration.ofMinutes(1);

    private final FeedCandidateRepository candidates;
    private final PostRepository posts;
    private final ArticleViews views;
    private final FeedProperties settings;
    private final FeedRanking ranking;
    private final Relationships relationships;
    private final KeptCandidates kept;
    private final Clock clock;

    RankedFeed(FeedCandidateRepository candidates, PostRepository posts, ArticleViews views, FeedProperties settings,
            Relationships relationships, KeptCandidates kept, Clock clock) {
        this.kept = kept;
        this.candidates = candidates;
        this.relationships = relationships;
        this.posts = posts;
        this.views = views;
        this.settings = settings;
        this.ranking = settings.ranking();
        this.clock = clock;
    }

    /** Ranks the reader's feed now and answers the page at {@code paging}. */
    @Transactional(readOnly = true)
    public FeedPage first(long reader, Paging paging, boolean explain) {
        var now = clock.instant();
        var ranked = rank(reader, now);
        var from = Math.min(paging.offset(), ranked.size());
        var to = Math.min(from + paging.limit(), ranked.size());
        var page = ranked.subList(from, to);
        var byId = posts.findSummariesById(page.stream().map(r -> r.candidate().postId()).toList()).stream()
                .collect(Collectors.toMap(Post::id, Function.identity()));
        var shown = page.stream().filter(r -> byId.containsKey(r.candidate().postId())).toList();
        // A candidate's source says whether the reader follows its author: both were read in this transaction.
        var followed = shown.stream().filter(r -> r.candidate().source() == Source.FOLLOWING)
                .map(r -> r.candidate().authorId()).collect(Collectors.toSet());
        var articles = views.of(shown.stream().map(r -> byId.get(r.candidate().postId())).toList(), reader, followed);
        var entries = new ArrayList<FeedEntry>(shown.size());
        for (var i = 0; i < shown.size(); i++) {
            var r = shown.get(i);
            entries.add(new FeedEntry(articles.get(i), r.candidate().source(), explain ? r.score() : null));
        }
        var rest = ranked.subList(to, ranked.size()).stream().map(r -> r.candidate().postId()).toList();
        return new FeedPage(entries, ranked.size(), cursor(reader, now, ranked.size(), rest));
    }

    /** The next page of the ranking a cursor continues. Posts deleted since are left out. */
    @Transactional(readOnly = true)
    public FeedPage next(long reader, String cursorText, int limit, boolean explain) {
        var cursor = FeedCursor.decode(cursorText, reader);
        var ids = cursor.remaining();
        var pageIds = ids.subList(0, Math.min(limit, ids.size()));
        var byId = posts.findSummariesById(pageIds).stream().collect(Collectors.toMap(Post::id, Function.identity()));
        var filter = relationships.filterFor(reader);
        var shown = pageIds.stream().filter(byId::containsKey).map(byId::get)
                .filter(post -> post.isPublic() && !filter.hidesAuthor(post.authorId())).toList();
        var articles = views.of(shown, Optional.of(reader)).stream()
                .filter(article -> article.tags().stream().noneMatch(filter.mutedTags()::contains)).toList();
        var interactions = explain ? interactions(reader, cursor.rankedAt()) : Map.<Long, Integer>of();
        var entries = new ArrayList<FeedEntry>(articles.size());
        for (var article : articles) {
            var post = article.post();
            var source = article.author().following() ? Source.FOLLOWING : Source.DISCOVERY;
            var candidate = new Candidate(post.id(), post.authorId(), post.createdAt(), post.favoritesCount(),
                    post.commentsCount(), source);
            entries.add(new FeedEntry(article, source, explain
                    ? ranking.score(candidate, interactions.getOrDefault(post.authorId(), 0), cursor.rankedAt())
                    : null));
        }
        var rest = ids.subList(pageIds.size(), ids.size());
        return new FeedPage(entries, cursor.total(), cursor(reader, cursor.rankedAt(), cursor.total(), rest));
    }

    List<Ranked> rank(long reader, Instant now) {
        var since = now.minus(settings.horizon());
        var scope = ReaderScope.feeds(reader, relationships.filterFor(reader));
        var set = kept.find(reader, now).orElse(null);
        if (set == null) {
            return search(reader, scope, since, now);
        }
        var pool = candidates.current(reader, scope, set, since, set.keptAt().minus(LATE_COMMIT), settings.window());
        return ranking.rank(pool, set.interactions(), now);
    }

    /** Finds and ranks the reader's candidates from scratch, and keeps what it found for the next requests. */
    private List<Ranked> search(long reader, ReaderScope scope, Instant since, Instant now) {
        var pool = new ArrayList<>(candidates.followed(reader, candidates.followees(reader), scope, since,
                settings.window()));
        var followedIds = pool.stream().mapToLong(Candidate::postId).toArray();
        if (settings.discoveryPosts() > 0) {
            var tags = candidates.likedTags(reader, now.minus(settings.affinityWindow()), settings.discoveryTags());
            pool.addAll(candidates.discoverable(reader, scope, tags, since, settings.discoveryScan(),
                    settings.discoveryPosts()));
        }
        var discoveredIds = pool.subList(followedIds.length, pool.size()).stream().mapToLong(Candidate::postId)
                .toArray();
        var interactions = interactions(reader, now);
        kept.keep(reader, new KeptCandidates.Set(followedIds, discoveredIds, Map.copyOf(interactions), now));
        return ranking.rank(pool, interactions, now);
    }

    private Map<Long, Integer> interactions(long reader, Instant now) {
        return candidates.interactionsByAuthor(reader, now.minus(settings.affinityWindow()));
    }

    private static String cursor(long reader, Instant rankedAt, int total, List<Long> rest) {
        return rest.isEmpty() ? null : new FeedCursor(reader, rankedAt, total, List.copyOf(rest)).encode();
    }
}
