package agora.social.internal;

import java.util.List;

/**
 * A post as a reader sees it.
 *
 * @param tags in alphabetical order
 * @param mentions usernames its body mentions (filled for a single post, empty in lists, which show no body)
 */
public record ArticleView(Post post, List<String> tags, AuthorView author, boolean favorited, List<String> mentions) {
}
