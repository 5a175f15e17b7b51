package agora.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.accounts.UserDirectory;
import agora.accounts.UserProfile;
import agora.platform.Timestamps;

/**
 * Every recipient's notifications: written from the modules' events (never for one's own actions, once per
 * source however often the event is delivered), and read newest first. Each create or update takes the
 * recipient's next position and publishes {@link NotificationChanged}; marking read or withdrawing unread ones
 * publishes {@link UnreadCountChanged}. A source may carry a detail for the text after {@code #} (e.g. the stock left).
 */
@Service
public class Notifications implements Inbox {

    /** Actors shown per notification; {@code actorCount} counts them all. */
    static final int ACTORS_SHOWN = 3;

    private final NotificationRepository rows;
    private final UserDirectory directory;
    private final ApplicationEventPublisher events;
    private final InboxProperties properties;
    private final Clock clock;

    Notifications(NotificationRepository rows, UserDirectory directory, ApplicationEventPublisher events,
            InboxProperties properties, Clock clock) {
        this.rows = rows;
        this.directory = directory;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** A page for the REST API; {@code nextBefore} is the position the next page starts below (null: the last). */
    public record Listing(List<NotificationItem> items, Long nextBefore) {
    }

    /** A change for the live stream: the notification as the REST API shows it, at its position (the event id). */
    public record Change(long position, NotificationItem item) {
    }

    // ---- writing (from the listeners)

    /** One notification per (recipient, type, source); {@code actorId} null for what nobody did (orders, stock). */
    @Transactional
    void notify(long recipientId, NotificationType type, Subject subject, String source, Long actorId) {
        if (actorId != null && actorId == recipientId || rows.exists(recipientId, type, source)) {
            return;
        }
        var now = clock.instant();
        var position = rows.nextPosition(recipientId);
        var inserted = rows.insert(recipientId, position, type, subject, source, actorId == null ? 0 : 1, now);
        inserted.ifPresent(id -> {
            if (actorId != null) {
                rows.addActor(id, actorId, now);
            }
            changed(recipientId, id, position, type, true);
        });
    }

    /** Likes and follows: joins the recipient's row of this type on this subject within the window, if any. */
    @Transactional
    void aggregate(long recipientId, NotificationType type, Subject subject, long actorId) {
        if (actorId == recipientId) {
            return;
        }
        var now = clock.instant();
        var position = rows.nextPosition(recipientId);
        var existing = rows.findAggregate(recipientId, type, subject.id(), now.minus(properties.aggregationWindow()));
        if (existing.isPresent()) {
            var id = existing.get();
            if (rows.addActor(id, actorId, now)) {
                rows.addedActor(id, position, subject.title(), now);
                changed(recipientId, id, position, type, false);
            }
            return;
        }
        var id = rows.insert(recipientId, position, type, subject, null, 1, now).orElseThrow();
        rows.addActor(id, actorId, now);
        changed(recipientId, id, position, type, true);
    }

    /** Undoing a like or a follow: the actor leaves the unread notification (which goes when nobody is left). */
    @Transactional
    void withdraw(long recipientId, NotificationType type, String subjectId, long actorId) {
        if (rows.removeUnreadActor(recipientId, type, subjectId, actorId)) {
            events.publishEvent(new UnreadCountChanged(recipientId));
        }
    }

    @Transactional
    void withdrawSource(String source) {
        unreadCountsChanged(rows.deleteUnreadBySource(source));
    }

    @Transactional
    void withdrawSubject(String subjectKind, String subjectId) {
        unreadCountsChanged(rows.deleteUnreadBySubject(subjectKind, subjectId));
    }

    @Transactional
    void forget(long userId) {
        unreadCountsChanged(rows.forget(userId));
    }

    private void unreadCountsChanged(List<Long> recipients) {
        recipients.forEach(recipient -> events.publishEvent(new UnreadCountChanged(recipient)));
    }

    /** Everyone's notifications past the retention; answers how many went. */
    @Transactional
    int sweep() {
        return rows.deleteOlderThan(clock.instant().minus(properties.retention()));
    }

    private void changed(long recipientId, long id, long position, NotificationType type, boolean fresh) {
        rows.trim(recipientId, properties.keep(), clock.instant().minus(properties.retention()));
        events.publishEvent(new NotificationChanged(recipientId, id, position, type, fresh));
    }

    // ---- reading

    /** Marks read the recipient's notifications up to this one (all when null); empty when it is not theirs. */
    @Transactional
    public Optional<Integer> markRead(long recipientId, Long upToId) {
        Long upTo = null;
        if (upToId != null) {
            var notification = rows.find(recipientId, upToId);
            if (notification.isEmpty()) {
                return Optional.empty();
            }
            upTo = notification.get().position();
        }
        var changed = rows.markRead(recipientId, upTo);
        if (changed > 0) {
            events.publishEvent(new UnreadCountChanged(recipientId));
        }
        return Optional.of(changed);
    }

    @Transactional(readOnly = true)
    public Listing listing(long recipientId, Long beforePosition, int limit) {
        var stored = rows.page(recipientId, beforePosition == null ? Long.MAX_VALUE : beforePosition, limit + 1);
        var more = stored.size() > limit;
        var shown = more ? stored.subList(0, limit) : stored;
        return new Listing(new People(shown).items(), more ? shown.getLast().position() : null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Notification> page(long recipientId, Long beforePosition, int limit) {
        return new People(rows.page(recipientId, beforePosition == null ? Long.MAX_VALUE : beforePosition, limit))
                .notifications();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Notification> changedAfter(long recipientId, long position, int limit) {
        return new People(rows.changedAfter(recipientId, position, limit)).notifications();
    }

    /** Like {@link #changedAfter}, as the REST API shows them: what the live stream sends. */
    @Transactional(readOnly = true)
    public List<Change> changesAfter(long recipientId, long position, int limit) {
        var stored = rows.changedAfter(recipientId, position, limit);
        var items = new People(stored).items();
        return IntStream.range(0, stored.size()).mapToObj(i -> new Change(stored.get(i).position(), items.get(i)))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long latestPosition(long recipientId) {
        return rows.latestPosition(recipientId);
    }

    @Override
    @Transactional(readOnly = true)
    public long unreadCount(long recipientId) {
        return rows.unreadCount(recipientId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Notification> find(long recipientId, long notificationId) {
        return rows.find(recipientId, notificationId).map(n -> new People(List.of(n)).notifications().getFirst());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Notification> unreadSince(long recipientId, Instant since, Set<NotificationType> types, int limit) {
        return new People(rows.unreadSince(recipientId, since, types, limit)).notifications();
    }

    /** The actors of some notifications with their current profiles, looked up in two queries (no N+1). */
    private final class People {

        private final List<StoredNotification> stored;
        private final Map<Long, List<Long>> actors;
        private final Map<Long, UserProfile> profiles;

        People(List<StoredNotification> stored) {
            this.stored = stored;
            // Orders and stock have nobody to show: their notifications need no look-up.
            this.actors = rows.latestActors(stored.stream().filter(n -> n.actorCount() > 0).map(StoredNotification::id)
                    .toList(), ACTORS_SHOWN);
            // Active ones only: an event that a deleted account caused may still arrive after the deletion.
            this.profiles = directory.findActiveById(actors.values().stream().flatMap(Collection::stream).distinct()
                    .toList());
        }

        List<Notification> notifications() {
            return stored.stream().map(this::notification).toList();
        }

        List<NotificationItem> items() {
            return stored.stream().map(n -> new NotificationItem(n.id(), n.type().name().toLowerCase(Locale.ROOT),
                    actorsOf(n).stream().map(p -> new NotificationItem.Actor(p.username(), p.image())).toList(),
                    n.actorCount(), new NotificationItem.Subject(n.subjectKind(), n.subjectId(), n.subjectTitle()),
                    text(n), n.read(), Timestamps.format(n.createdAt()), Timestamps.format(n.updatedAt()))).toList();
        }

        private Notification notification(StoredNotification n) {
            return new Notification(n.id(), n.position(), n.type(),
                    actorsOf(n).stream().map(UserProfile::username).toList(), n.actorCount(), n.subjectKind(),
                    n.subjectId(), text(n), n.read(), n.createdAt(), n.updatedAt());
        }

        private List<UserProfile> actorsOf(StoredNotification n) {
            return actors.getOrDefault(n.id(), List.of()).stream().map(profiles::get).filter(Objects::nonNull)
                    .toList();
        }

        private String text(StoredNotification n) {
            return NotificationText.of(n.type(), actorsOf(n).stream().map(UserProfile::username).toList(),
                    n.actorCount(), n.subjectId(), n.subjectTitle(), detail(n.source()));
        }
    }

    private static String detail(String source) {
        if (source == null) {
            return null;
        }
        var hash = source.lastIndexOf('#');
        return hash < 0 ? null : source.substring(hash + 1);
    }
}
