package agora.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.AccountStanding;
import agora.accounts.Suspension;
import agora.accounts.SuspensionLifted;
import agora.accounts.UserSuspended;

/**
 * Suspended accounts. Suspending revokes every session at once on every node (the revocation broadcast) and the
 * session check itself refuses a suspended user's sessions, so a session opened in a race with the suspension
 * cannot stand either. A timed suspension is out of force as soon as its time runs out; {@link #liftRunOut}
 * then announces its end once, whichever node gets there first.
 */
@Service
public class Suspensions implements AccountStanding {

    private static final Logger log = LoggerFactory.getLogger(Suspensions.class);
    static final int MAX_REASON = 500;
    private static final int RUN_OUT_BATCH = 100;

    private final SuspensionRepository repository;
    private final UserRepository users;
    private final Sessions sessions;
    private final LoginChallenges challenges;
    private final SecurityLog securityLog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Suspensions(SuspensionRepository repository, UserRepository users, Sessions sessions, LoginChallenges challenges,
            SecurityLog securityLog, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.sessions = sessions;
        this.challenges = challenges;
        this.securityLog = securityLog;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public Optional<Suspension> suspension(long userId) {
        return repository.inForce(userId, clock.instant());
    }

    @Override
    public boolean isSuspended(long userId) {
        return suspension(userId).isPresent();
    }

    @Override
    public Set<Long> suspendedAmong(Collection<Long> userIds) {
        return userIds.isEmpty() ? Set.of() : repository.inForceAmong(userIds, clock.instant());
    }

    /** Refuses a sign-in (403 naming the end and the reason) while the user is suspended. */
    void checkMaySignIn(long userId) {
        var suspension = suspension(userId);
        if (suspension.isPresent()) {
            throw new AccountSuspended(suspension.get());
        }
    }

    /**
     * See {@link agora.accounts.AccountModeration#suspend}. Refuses (IllegalStateException) to suspend an admin,
     * so that no moderator can lock the admins out; IllegalArgumentException for an unknown user, a blank or too
     * long reason, or an end that is not in the future.
     */
    @Transactional
    Suspension suspend(long userId, Instant until, String reason) {
        var now = clock.instant();
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new IllegalArgumentException("a suspension needs a reason of 1 to " + MAX_REASON + " characters");
        }
        if (until != null && !until.isAfter(now)) {
            throw new IllegalArgumentException("a suspension must end in the future");
        }
        var user = users.lockById(userId).orElseThrow(() -> new IllegalArgumentException("no such user: " + userId));
        if (user.role() == User.Role.ADMIN) {
            throw new IllegalStateException("an admin cannot be suspended");
        }
        var suspension = new Suspension(userId, now, until, reason.strip());
        repository.put(suspension);
        challenges.deleteAllOf(userId);
        securityLog.withoutClient(userId, SecurityEventKind.SUSPENDED, AccountSuspended.describe(suspension));
        sessions.revokeAll(userId);
        events.publishEvent(new UserSuspended(userId, until, suspension.reason()));
        return suspension;
    }

    @Transactional
    boolean lift(long userId) {
        if (!repository.lift(userId, clock.instant())) {
            return false;
        }
        securityLog.withoutClient(userId, SecurityEventKind.SUSPENSION_LIFTED, "lifted by a moderator");
        events.publishEvent(new SuspensionLifted(userId));
        return true;
    }

    /**
     * Announces the end of every timed suspension that ran out, each once across all nodes: the conditional
     * update lets one node mark it, and only that node publishes. Answers how many this node announced.
     */
    public int liftRunOut() {
        var announced = 0;
        var now = clock.instant();
        for (var userId : repository.runOut(now, RUN_OUT_BATCH)) {
            var marked = transaction.execute(tx -> {
                if (!repository.markRunOut(userId, now)) {
                    return false;
                }
                securityLog.withoutClient(userId, SecurityEventKind.SUSPENSION_LIFTED, "its time ran out");
                events.publishEvent(new SuspensionLifted(userId));
                return true;
            });
            if (Boolean.TRUE.equals(marked)) {
                announced++;
            }
        }
        if (announced > 0) {
            log.info("{} suspensions ran out", announced);
        }
        return announced;
    }
}
