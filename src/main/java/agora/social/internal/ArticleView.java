package agora.social.internal;

import java.util.List;

/** A post as a reader sees it. @param tags in alphabetical order */
public record ArticleView(Post post, List<String> tags, AuthorView author, boolean favorited) {
}
