package agora.notifications.internal;

import java.time.Instant;
import java.util.List;

/**
 * A notification as the REST API shows it.
 *
 * @param type the type's name in lower case, e.g. {@code like}
 * @param actors the latest actors, newest first (a few at most); {@code actorCount} counts them all
 */
public record NotificationItem(long id, String type, List<Actor> actors, int actorCount, Subject subject,
        String text, boolean read, Instant createdAt, Instant updatedAt) {

    public record Actor(String username, String image) {
    }

    /** @param kind {@code post}, {@code order}, {@code product} or {@code profile}; {@code id} its public id */
    public record Subject(String kind, String id, String title) {
    }
}
