package agora.social.internal;

import java.util.List;

/** One page of a list, and how many posts the whole list has. */
public record ArticlePage(List<ArticleView> articles, long articlesCount) {
}
