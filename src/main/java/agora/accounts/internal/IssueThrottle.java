package agora.accounts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How often a user may have an email with a token sent (verification resends, password resets): not
 * twice within {@code minInterval}, and at most {@code maxPerWindow} within {@code window}. Keeps the
 * feature from being used to flood someone's inbox.
 */
public record IssueThrottle(Duration minInterval, int maxPerWindow, Duration window) {

    /** How long to wait before another may be issued, given when earlier ones were; empty when it may be now. */
    public Optional<Duration> waitBeforeIssuing(List<Instant> issued, Instant now) {
        var recent = issued.stream().filter(at -> at.isAfter(now.minus(window))).sorted().toList();
        var until = Instant.MIN;
        if (!recent.isEmpty()) {
            until = recent.getLast().plus(minInterval);
        }
        if (recent.size() >= maxPerWindow) {
            var freed = recent.get(recent.size() - maxPerWindow).plus(window);
            until = freed.isAfter(until) ? freed : until;
        }
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }
}
