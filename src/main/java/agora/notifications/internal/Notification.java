package agora.notifications.internal;

import java.time.Instant;
import java.util.List;

/**
 * One notification as its recipient sees it. {@code position} orders a recipient's changes: it is taken anew (and
 * higher) every time the notification is created or updated (an aggregated like moves it to the top), so a stream
 * resumes from the last position it delivered ({@code Last-Event-ID}) without gaps or duplicates.
 *
 * @param actors usernames of the latest actors, newest first (a few at most); {@code actorCount} counts them all
 * @param subjectKind {@code post}, {@code comment}, {@code order}, {@code product} or {@code profile}
 * @param subjectId the subject's public id (a post's slug, an order's id, a product's id, a username)
 * @param text ready to show, e.g. "bob and 3 others liked your post “Hello”"
 */
record Notification(long id, long position, NotificationType type, List<String> actors, int actorCount,
        String subjectKind, String subjectId, String text, boolean read, Instant createdAt, Instant updatedAt) {
}
