package agora.notifications.internal;

import java.time.Duration;

/**
 * When to try a transiently failed email again: {@code first} after the first failure, doubling with
 * every further failure, never more than {@code max} apart. There is no last attempt: an email is retried
 * until it is delivered, rejected for good, or its content becomes useless.
 */
record RetrySchedule(Duration first, Duration max) {

    Duration delayAfter(int failedAttempts) {
        var doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        var delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
