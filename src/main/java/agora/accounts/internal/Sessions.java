package agora.accounts.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Ticker;

import agora.accounts.ActiveSessions;
import agora.accounts.CurrentUser;
import agora.accounts.SessionsEnded;
import agora.platform.AfterCommit;
import agora.platform.ApiException;
import agora.platform.Broadcast;

/**
 * Opens, checks and revokes sessions. A checked session is trusted for {@code session-cache-ttl}. A
 * revocation (or a change of name or role) is sent to every node on the cluster broadcast when it commits,
 * and each node, this one included, then forgets what it cached; a node that may have missed such messages
 * forgets everything. A lost message is still bounded by the TTL: the database is the source of truth. After
 * forgetting, the node tells its own listeners ({@link SessionsEnded}), e.g. live streams to close.
 */
@Service
public class Sessions implements ActiveSessions {

    static final String TOPIC = "sessions";

    private final SessionRepository repository;
    private final AccessTokens tokens;
    private final AuthProperties properties;
    private final Clock clock;
    private final Broadcast broadcast;
    private final CheckedSessions checked;
    private final ApplicationEventPublisher events;
    private final SecurityLog securityLog;
    private final SessionUses uses;
    private final NewDevices newDevices;
    private final SessionProperties sessionProperties;

    /** A signed-in user and the role their account has (which the session check reads with it). */
    record Authenticated(CurrentUser user, User.Role role) {
    }

    Sessions(SessionRepository repository, AccessTokens tokens, AuthProperties properties, Clock clock,
            Broadcast broadcast, ApplicationEventPublisher events, SecurityLog securityLog, SessionUses uses,
            NewDevices newDevices, SessionProperties sessionProperties) {
        this.repository = repository;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
        this.broadcast = broadcast;
        this.checked = new CheckedSessions(properties.sessionCacheTtl(), Ticker.systemTicker());
        this.events = events;
        this.securityLog = securityLog;
        this.uses = uses;
        this.newDevices = newDevices;
        this.sessionProperties = sessionProperties;
        broadcast.subscribe(TOPIC, new Broadcast.Listener() {
            @Override
            public void received(String message) {
                SessionEviction.parse(message).ifPresentOrElse(Sessions.this::evict, Sessions.this::evictAll);
            }

            @Override
            public void missed() {
                evictAll();
            }
        });
    }

    /**
     * Opens a session for the user and answers its access token. The session remembers the client of the request
     * (address and user agent), whose device, when new to the account, has its owner told.
     */
    @Transactional
    String open(long userId) {
        var id = UUID.randomUUID();
        var now = clock.instant();
        var expires = now.plus(properties.tokenTtl());
        var client = RequestClient.current();
        repository.insert(id, userId, now, expires, client.map(RequestClient::address).orElse(null),
                client.map(RequestClient::userAgent).orElse(null));
        client.ifPresent(c -> newDevices.signedIn(userId, c, now));
        uses.opened(id, now);
        return tokens.issue(id, now, expires);
    }

    /** The user behind a token whose session still stands (not revoked, expired, deleted or suspended). */
    Optional<Authenticated> authenticate(String token) {
        return tokens.sessionOf(token)
                .flatMap(id -> checked.get(id, key -> repository.findActive(key, clock.instant())))
                .map(s -> {
                    uses.used(s.id());
                    return new Authenticated(
                            new CurrentUser(s.userId(), s.username(), s.id(), s.role() == User.Role.ADMIN, token),
                            s.role());
                });
    }

    @Override
    public boolean isActive(UUID sessionId) {
        return checked.get(sessionId, key -> repository.findActive(key, clock.instant())).isPresent();
    }

    @Transactional
    void revoke(UUID sessionId) {
        repository.revoke(sessionId, clock.instant());
        evictEverywhere(new SessionEviction.OneSession(sessionId));
    }

    /** The user's sessions that still stand, newest first. */
    public List<ListedSession> list(long userId) {
        return repository.listActive(userId, clock.instant(), sessionProperties.maxListed());
    }

    /** Ends one of the user's own sessions; 404 for a session that is not theirs or has ended. */
    @Transactional
    public void revokeOwn(long userId, UUID sessionId) {
        if (!repository.revokeOwn(userId, sessionId, clock.instant())) {
            throw ApiException.notFound("session");
        }
        securityLog.byOwner(userId, SecurityEventKind.SESSIONS_REVOKED, false, "one session");
        evictEverywhere(new SessionEviction.OneSession(sessionId));
    }

    /** Ends every session of the user but the current one. */
    @Transactional
    public void revokeOthers(long userId, UUID current) {
        securityLog.byOwner(userId, SecurityEventKind.SESSIONS_REVOKED, false, "every other session");
        repository.revokeAllExcept(userId, current, clock.instant());
        refresh(userId);
    }

    /** Logout: ends the user's current session, and says so in their security log. */
    @Transactional
    public void logOut(long userId, UUID sessionId) {
        securityLog.byOwner(userId, SecurityEventKind.SIGNED_OUT, false, null);
        revoke(sessionId);
    }

    /** Ends every session of the user but the one given, e.g. after a password change. */
    @Transactional
    void revokeAllExcept(long userId, UUID keep) {
        repository.revokeAllExcept(userId, keep, clock.instant());
        securityLog.withoutClient(userId, SecurityEventKind.SESSIONS_REVOKED, "every other session");
        refresh(userId);
    }

    /** Ends every session of the user, e.g. after a password reset or a suspension. */
    @Transactional
    void revokeAll(long userId) {
        repository.revokeAll(userId, clock.instant());
        securityLog.withoutClient(userId, SecurityEventKind.SESSIONS_REVOKED, "every session");
        refresh(userId);
    }

    /** Removes every session of the user, e.g. when the account is deleted. */
    @Transactional
    void deleteAll(long userId) {
        repository.deleteAllOf(userId);
        refresh(userId);
    }

    /** Forgets cached sessions of a user whose name or role changed. */
    void refresh(long userId) {
        evictEverywhere(new SessionEviction.AllOfUser(userId));
    }

    /**
     * Evicts on every node once the change commits: evicting before could let a check re-read the old state
     * into the cache. This node does not wait for its own message, which only PostgreSQL sends back.
     */
    private void evictEverywhere(SessionEviction eviction) {
        broadcast.send(TOPIC, eviction.message());
        AfterCommit.run(() -> evict(eviction));
    }

    private void evict(SessionEviction eviction) {
        switch (eviction) {
            case SessionEviction.OneSession one -> {
                checked.evictSession(one.sessionId());
                events.publishEvent(new SessionsEnded(one.sessionId(), null));
            }
            case SessionEviction.AllOfUser all -> {
                checked.evictUser(all.userId());
                events.publishEvent(new SessionsEnded(null, all.userId()));
            }
        }
    }

    private void evictAll() {
        checked.evictAll();
        events.publishEvent(new SessionsEnded(null, null));
    }
}
