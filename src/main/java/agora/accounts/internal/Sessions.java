package agora.accounts.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import agora.accounts.CurrentUser;

/**
 * Opens, checks and revokes sessions. A checked session is trusted for {@code session-cache-ttl}; a
 * revocation clears this node's cache at once and reaches other nodes within that time.
 */
@Service
public class Sessions {

    private final SessionRepository repository;
    private final AccessTokens tokens;
    private final AuthProperties properties;
    private final Clock clock;
    private final Cache<UUID, SessionRepository.ActiveSession> checked;

    Sessions(SessionRepository repository, AccessTokens tokens, AuthProperties properties, Clock clock) {
        this.repository = repository;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
        this.checked = Caffeine.newBuilder().expireAfterWrite(properties.sessionCacheTtl()).maximumSize(100_000)
                .build();
    }

    /** Opens a session for the user and answers its access token. */
    @Transactional
    String open(long userId) {
        var id = UUID.randomUUID();
        var now = clock.instant();
        var expires = now.plus(properties.tokenTtl());
        repository.insert(id, userId, now, expires);
        return tokens.issue(id, now, expires);
    }

    /** The user behind a token whose session still stands. */
    Optional<CurrentUser> authenticate(String token) {
        return tokens.sessionOf(token)
                .flatMap(id -> Optional.ofNullable(checked.get(id,
                        key -> repository.findActive(key, clock.instant()).orElse(null))))
                .map(s -> new CurrentUser(s.userId(), s.username(), s.id(), s.role() == User.Role.ADMIN, token));
    }

    @Transactional
    public void revoke(UUID sessionId) {
        repository.revoke(sessionId, clock.instant());
        checked.invalidate(sessionId);
    }

    /** Ends every session of the user but the one given, e.g. after a password change. */
    @Transactional
    void revokeAllExcept(long userId, UUID keep) {
        repository.revokeAllExcept(userId, keep, clock.instant());
        checked.asMap().values().removeIf(s -> s.userId() == userId && !s.id().equals(keep));
    }

    /** Ends every session of the user, e.g. after a password reset. */
    @Transactional
    void revokeAll(long userId) {
        repository.revokeAll(userId, clock.instant());
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
        checked.asMap().values().removeIf(s -> s.userId() == userId);
    }
}
