package agora.accounts.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets what no longer matters: ended sessions and old login failures. Safe to run on every node. */
@Component
class AccountHousekeeping {

    private static final Duration KEEP = Duration.ofDays(1);

    private final SessionRepository sessions;
    private final LoginAttempts attempts;
    private final Clock clock;

    AccountHousekeeping(SessionRepository sessions, LoginAttempts attempts, Clock clock) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldRecords() {
        var cutoff = clock.instant().minus(KEEP);
        sessions.deleteEndedBefore(cutoff);
        attempts.deleteFailuresBefore(cutoff);
    }
}
