package agora.accounts.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lastUseInterval how stale a session's "last used" may get: it is written at most this often
 * @param maxListed the most sessions the list shows (the newest)
 * @param knownDevicesPerAccount the most devices remembered per account (the least recently seen go first)
 * @param notMeLinkTtl how long the "this wasn't me" link of a new-device email works
 */
@ConfigurationProperties("agora.accounts.sessions")
public record SessionProperties(Duration lastUseInterval, int maxListed, int knownDevicesPerAccount,
        Duration notMeLinkTtl) {

    public SessionProperties {
        if (lastUseInterval == null) {
            lastUseInterval = Duration.ofMinutes(1);
        }
        if (maxListed <= 0) {
            maxListed = 100;
        }
        if (knownDevicesPerAccount <= 0) {
            knownDevicesPerAccount = 20;
        }
        if (notMeLinkTtl == null) {
            notMeLinkTtl = Duration.ofDays(7);
        }
    }
}
