package agora.accounts.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets what no longer matters: ended sessions, old login failures, expired email tokens and login
 * challenges, security log entries past their retention; and announces suspensions whose time ran out. Safe to
 * run on every node.
 */
@Component
class AccountHousekeeping {

    private static final Duration KEEP = Duration.ofDays(1);

    private final SessionRepository sessions;
    private final LoginAttempts attempts;
    private final EmailTokens tokens;
    private final LoginChallenges challenges;
    private final PasskeyChallenges passkeyChallenges;
    private final SecurityLog securityLog;
    private final Suspensions suspensions;
    private final Clock clock;

    AccountHousekeeping(SessionRepository sessions, LoginAttempts attempts, EmailTokens tokens,
            LoginChallenges challenges, PasskeyChallenges passkeyChallenges, SecurityLog securityLog,
            Suspensions suspensions, Clock clock) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.tokens = tokens;
        this.challenges = challenges;
        this.passkeyChallenges = passkeyChallenges;
        this.securityLog = securityLog;
        this.suspensions = suspensions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldRecords() {
        var cutoff = clock.instant().minus(KEEP);
        sessions.deleteEndedBefore(cutoff);
        attempts.deleteFailuresBefore(cutoff);
        tokens.deleteExpiredBefore(cutoff);
        challenges.deleteExpiredBefore(cutoff);
        passkeyChallenges.deleteExpiredBefore(cutoff);
        securityLog.prune();
    }

    /** Suspensions are out of force the moment they run out; this tells the other modules within a minute. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void endRunOutSuspensions() {
        suspensions.liftRunOut();
    }
}
