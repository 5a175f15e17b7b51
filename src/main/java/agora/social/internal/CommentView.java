package agora.social.internal;

public record CommentView(Comment comment, AuthorView author) {
}
