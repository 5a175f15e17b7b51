package agora.platform.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import agora.platform.RateLimit;

/**
 * The quota of each {@link RateLimit} class ({@code agora.rate-limits.<policy>.capacity} and {@code .period}):
 * a client may send {@code capacity} requests at once, and gets them back at an even pace over {@code period}.
 */
@ConfigurationProperties("agora.rate-limits")
record RateLimitProperties(Quota signUp, Quota login, Quota email, Quota writes, Quota checkout, Quota search,
        Quota reads, Quota anonymousReads, Quota admin, Quota reports, Quota webhooks) {

    /** A token bucket of {@code capacity} requests, refilled evenly at {@code capacity} per {@code period}. */
    record Quota(long capacity, Duration period) {

        Quota {
            if (capacity < 1 || period == null || period.toSeconds() < 1) {
                throw new IllegalArgumentException("a rate limit needs a capacity of at least 1 and a period of at "
                        + "least 1 second, got " + capacity + " per " + period);
            }
        }
    }

    Quota of(RateLimit limit) {
        return switch (limit) {
            case SIGN_UP -> signUp;
            case LOGIN -> login;
            case EMAIL -> email;
            case WRITES -> writes;
            case CHECKOUT -> checkout;
            case SEARCH -> search;
            case READS -> reads;
            case ANONYMOUS_READS -> anonymousReads;
            case ADMIN -> admin;
            case REPORTS -> reports;
            case WEBHOOKS -> webhooks;
        };
    }
}
