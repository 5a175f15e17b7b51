package agora.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A notification in the API's JSON: the items of {@code GET /api/notifications} and the data of the live stream's
 * {@code notification} events.
 */
public record NotificationJson(long id, String type, List<Actor> actors, int actorCount, Subject subject, String text,
        boolean read, Instant createdAt, Instant updatedAt) {

    public record Actor(String username, String image) {
    }

    /** What it is about: its kind ({@code post}, {@code order}, ...) and public id, for links. */
    public record Subject(String kind, String id, String title) {
    }

    /** Maps a notification, with its actors' pictures as {@code imageOf} answers them (null for none). */
    static NotificationJson of(Notification notification, Function<String, String> imageOf) {
        return new NotificationJson(notification.id(), notification.type().name().toLowerCase(Locale.ROOT),
                notification.actors().stream().map(name -> new Actor(name, imageOf.apply(name))).toList(),
                notification.actorCount(),
                new Subject(notification.subjectKind(), notification.subjectId(), null), notification.text(),
                notification.read(), notification.createdAt(), notification.updatedAt());
    }
}
