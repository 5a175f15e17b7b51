package agora.accounts.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param ttl how long an emailed sign-in link works (once)
 * @param issueThrottle how often one account may be sent a link; requests beyond it are dropped silently
 */
@ConfigurationProperties("agora.auth.sign-in-links")
public record SignInLinkProperties(Duration ttl, IssueThrottle issueThrottle) {
}
