package agora.moderation.internal;

import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import agora.accounts.UserDirectory;
import agora.catalog.ProductModeration;
import agora.platform.ApiException;
import agora.social.PostModeration;

/** Finds a reported or moderated subject through its own module's API, hidden or not. */
@Component
public class Subjects {

    private final PostModeration posts;
    private final ProductModeration products;
    private final UserDirectory users;

    Subjects(PostModeration posts, ProductModeration products, UserDirectory users) {
        this.posts = posts;
        this.products = products;
        this.users = users;
    }

    public Optional<ReportedSubject> find(SubjectKind kind, String id) {
        return switch (kind) {
            case POST -> owned(kind, id, posts.postAuthor(id));
            case COMMENT -> commentId(id).flatMap(c -> owned(kind, Long.toString(c), posts.commentAuthor(c)));
            case PRODUCT -> owned(kind, id, products.seller(id));
            case USER -> users.findByUsername(id).map(u -> new ReportedSubject(kind, u.username(), u.id()));
        };
    }

    /** The subject, or 404 in the one error shape ("post not found"). */
    public ReportedSubject require(SubjectKind kind, String id) {
        return find(kind, id).orElseThrow(() -> ApiException.notFound(kind.wire()));
    }

    private static Optional<ReportedSubject> owned(SubjectKind kind, String id, OptionalLong owner) {
        return owner.isPresent() ? Optional.of(new ReportedSubject(kind, id, owner.getAsLong())) : Optional.empty();
    }

    /** A comment's id is a positive number; anything else names no comment. */
    private static Optional<Long> commentId(String id) {
        try {
            var value = Long.parseLong(id);
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
