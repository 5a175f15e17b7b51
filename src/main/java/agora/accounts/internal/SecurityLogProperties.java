package agora.accounts.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retention how long entries are kept
 * @param maxPerUser the most entries kept per user (the oldest go first), so one account cannot grow the table
 *        without bound, e.g. under a password-guessing attack
 */
@ConfigurationProperties("agora.accounts.security-log")
public record SecurityLogProperties(Duration retention, int maxPerUser) {

    public SecurityLogProperties {
        if (retention == null) {
            retention = Duration.ofDays(180);
        }
        if (maxPerUser <= 0) {
            maxPerUser = 1000;
        }
    }
}
