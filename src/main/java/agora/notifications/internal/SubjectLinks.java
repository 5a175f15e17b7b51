package agora.notifications.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a notification's subject opens in the web UI, for links in emails. */
final class SubjectLinks {

    private SubjectLinks() {
    }

    static String of(String appUrl, Notification notification) {
        var id = URLEncoder.encode(notification.subjectId(), StandardCharsets.UTF_8);
        return appUrl + switch (notification.subjectKind()) {
            case "post", "comment" -> "/articles/" + id;
            case "order" -> "/orders/" + id;
            case "product" -> "/products/" + id;
            case "profile" -> "/profiles/" + id;
            default -> "/";
        };
    }
}
