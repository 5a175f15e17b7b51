package agora.social.internal;

import java.util.List;

/** @param mentions usernames the comment mentions */
public record CommentView(Comment comment, AuthorView author, List<String> mentions) {
}
