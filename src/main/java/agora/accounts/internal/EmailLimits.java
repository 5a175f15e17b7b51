package agora.accounts.internal;

import org.springframework.stereotype.Component;

import agora.platform.RateLimit;
import agora.platform.RateLimits;

/**
 * Every email a client's request sends counts against the recipient address and, when there is one, the account
 * asking (limit {@link RateLimit#EMAIL}), so that no one can flood someone else's inbox through us.
 */
@Component
class EmailLimits {

    private final RateLimits limits;

    EmailLimits(RateLimits limits) {
        this.limits = limits;
    }

    void toAddress(String email) {
        limits.consume(RateLimit.EMAIL, "to:" + LoginAttempts.accountKey(email));
    }

    void forAccount(long userId) {
        limits.consume(RateLimit.EMAIL, "account:" + userId);
    }
}
