package agora.accounts.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets what no longer matters: ended sessions, old login failures, expired email tokens and login
 * challenges. Safe to run on every node.
 */
@Component
class AccountHousekeeping {

    private static final Duration KEEP = Duration.ofDays(1);

    private final SessionRepository sessions;
    private final LoginAttempts attempts;
    private final EmailTokens tokens;
    private final LoginChallenges challenges;
    private final Clock clock;

    AccountHousekeeping(SessionRepository sessions, LoginAttempts attempts, EmailTokens tokens,
            LoginChallenges challenges, Clock clock) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.tokens = tokens;
        this.challenges = challenges;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldRecords() {
        var cutoff = clock.instant().minus(KEEP);
        sessions.deleteEndedBefore(cutoff);
        attempts.deleteFailuresBefore(cutoff);
        tokens.deleteExpiredBefore(cutoff);
        challenges.deleteExpiredBefore(cutoff);
    }
}
