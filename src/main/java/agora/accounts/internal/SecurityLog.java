package agora.accounts.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Each user's security log: one insert per entry, in the transaction of what it records when there is one.
 * What the owner did is recorded with the client's address (as the platform resolved it, honouring trusted
 * proxies) and user agent; what staff or the system did is not, so a moderator's address never reaches the
 * user.
 */
@Component
public class SecurityLog {

    /** A page of entries, newest first, and the id the next one starts below (null: no more). */
    public record Page(List<SecurityEvent> events, Long nextBefore) {
    }

    private final SecurityEventRepository repository;
    private final SecurityLogProperties properties;
    private final Clock clock;

    SecurityLog(SecurityEventRepository repository, SecurityLogProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** Something the user did (or tried), from the request under way. */
    void byOwner(long userId, SecurityEventKind kind, boolean twoFactor, String detail) {
        var client = RequestClient.current();
        var address = client.map(RequestClient::address).orElse(null);
        var userAgent = client.map(RequestClient::userAgent).orElse(null);
        repository.insert(userId, kind, clock.instant(), address, userAgent, twoFactor,
                SecurityEvent.truncate(detail, SecurityEvent.MAX_DETAIL));
    }

    /** Something done to the account by staff or by the system, or the consequence of an entry just made. */
    void withoutClient(long userId, SecurityEventKind kind, String detail) {
        repository.insert(userId, kind, clock.instant(), null, null, false,
                SecurityEvent.truncate(detail, SecurityEvent.MAX_DETAIL));
    }

    public Page page(long userId, Long before, int limit) {
        var events = repository.page(userId, before, limit + 1);
        if (events.size() <= limit) {
            return new Page(events, null);
        }
        var shown = events.subList(0, limit);
        return new Page(List.copyOf(shown), shown.getLast().id());
    }

    /** Forgets every entry of a deleted account. */
    void forget(long userId) {
        repository.deleteAllOf(userId);
    }

    /** Forgets entries past the retention period, and each user's oldest beyond the bound. */
    void prune() {
        repository.deleteBefore(clock.instant().minus(properties.retention()));
        repository.trimTo(properties.maxPerUser());
    }
}
