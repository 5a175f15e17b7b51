package agora.accounts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When repeated failed logins make further attempts wait. Failures are counted per account and per client
 * address within {@code window}. From the {@code threshold}-th failure on, attempts wait
 * {@code baseLockout × 2^(failures − threshold)} after the latest failure, capped at {@code maxLockout}.
 * A client address the account has logged in from before is not held back by the account's count, so an
 * attacker elsewhere cannot lock the owner out.
 */
public record LoginThrottle(Duration window, int accountThreshold, int clientThreshold, Duration baseLockout,
        Duration maxLockout) {

    /** How long this attempt must wait, or empty when it may proceed. */
    public Optional<Duration> waitBeforeAttempt(List<Instant> accountFailures, List<Instant> clientFailures,
            boolean knownClient, Instant now) {
        var accountLock = knownClient ? Optional.<Instant>empty() : lockedUntil(accountFailures, accountThreshold, now);
        var clientLock = lockedUntil(clientFailures, clientThreshold, now);
        return later(accountLock, clientLock).map(until -> Duration.between(now, until));
    }

    Optional<Instant> lockedUntil(List<Instant> failures, int threshold, Instant now) {
        var recent = failures.stream().filter(f -> f.isAfter(now.minus(window))).toList();
        if (recent.size() < threshold) {
            return Optional.empty();
        }
        var latest = recent.stream().max(Instant::compareTo).orElseThrow();
        var until = latest.plus(lockout(recent.size() - threshold));
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    Duration lockout(int excess) {
        var doublings = Math.min(excess, 30);
        var lockout = baseLockout.multipliedBy(1L << doublings);
        return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }
}
