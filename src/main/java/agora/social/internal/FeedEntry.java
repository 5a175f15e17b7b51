package agora.social.internal;

/** A post in the ranked feed; {@code score} is set when the reader asked why ({@code explain}). */
public record FeedEntry(ArticleView article, FeedRanking.Source source, FeedRanking.Score score) {
}
